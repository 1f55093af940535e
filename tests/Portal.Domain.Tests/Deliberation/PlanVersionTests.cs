using Portal.Domain.Deliberation;

namespace Portal.Domain.Tests.Deliberation;

/// <summary>Plan versions: numbered 1, 2, … from the version the author edited, each after the first with a summary, never identical to the last.</summary>
public sealed class PlanVersionTests
{
    private static readonly DateTime At = new(2026, 12, 2, 2, 0, 0, DateTimeKind.Utc);

    private static PlanVersion First(DeliberationSession session)
    {
        var v1 = PlanVersion.Write(session, null, null, "sec", "王书记", "# 加装电梯方案\n施工时间：9:00-18:00", null, At).Version!;
        v1.Id = 5;
        return v1;
    }

    [Fact]
    public void The_first_version_is_number_one_and_needs_no_summary()
    {
        var v1 = First(OpinionTests.Session());

        Assert.Equal((8, 1, "", "sec", "王书记", At), (v1.SessionId, v1.Number, v1.ChangeSummary, v1.AuthorUserId, v1.AuthorName, v1.CreatedAtUtc));
        Assert.Equal([new PlanVersionAdded(8, 1)], v1.TakeEvents());
    }

    [Fact]
    public void The_next_version_follows_the_latest_with_a_summary_of_its_change()
    {
        var session = OpinionTests.Session();
        var v1 = First(session);

        Assert.Equal((null, PlanVersion.ErrorSummary), PlanVersion.Write(session, v1, 1, "sec", "王书记", "# 加装电梯方案\n施工时间：9:00-12:00", " ", At));
        Assert.Equal((null, PlanVersion.ErrorUnchanged), PlanVersion.Write(session, v1, 1, "sec", "王书记", v1.BodyMarkdown + "\n", "无", At));
        var v2 = PlanVersion.Write(session, v1, 1, "sec2", "李主任", "# 加装电梯方案\n施工时间：9:00-12:00", "避开午休", At.AddDays(1)).Version!;

        Assert.Equal((2, "避开午休", "李主任"), (v2.Number, v2.ChangeSummary, v2.AuthorName));
    }

    [Fact]
    public void A_version_written_from_an_older_one_is_refused_because_the_plan_moved_on()
    {
        var session = OpinionTests.Session();
        var v1 = First(session);
        var v2 = PlanVersion.Write(session, v1, 1, "sec", "王书记", "第二稿", "改写", At).Version!;

        Assert.Equal((null, PlanVersion.ErrorMovedOn), PlanVersion.Write(session, v2, 1, "sec2", "李主任", "另一稿", "改写", At));
        Assert.Equal((null, PlanVersion.ErrorMovedOn), PlanVersion.Write(session, v1, null, "sec2", "李主任", "另一稿", null, At));
    }

    [Fact]
    public void Empty_too_long_or_too_many_lines_are_refused()
    {
        var session = OpinionTests.Session();

        Assert.Equal((null, PlanVersion.ErrorBody), PlanVersion.Write(session, null, null, "sec", "王书记", " \n", null, At));
        Assert.Equal((null, PlanVersion.ErrorBody), PlanVersion.Write(session, null, null, "sec", "王书记", new string('字', PlanVersion.BodyMaxLength + 1), null, At));
        var lines = string.Join("\n", Enumerable.Repeat("行", PlanVersion.MaxLines + 1));
        Assert.Equal((null, PlanVersion.ErrorTooManyLines), PlanVersion.Write(session, null, null, "sec", "王书记", lines, null, At));
        Assert.Null(PlanVersion.Write(session, null, null, "sec", "王书记", string.Join("\n", Enumerable.Repeat("行", PlanVersion.MaxLines)), null, At).Error);
    }

    [Fact]
    public void A_finished_session_takes_no_new_version()
    {
        var template = ProcedureTemplate.Create("一步", Portal.Domain.Access.ScopeKind.Community, 3,
            [ProcedureStep.Of("定事", Portal.Domain.Access.PortalRole.CommunitySecretary, null, EvidenceKind.Vote)]).Template!;
        var matter = MatterTests.Raised(id: 12, communityId: 3);
        matter.Accept("sec", At);
        var session = DeliberationSession.Start(matter, template, 2, At).Session!;
        var secretary = new StepActor("sec", "王书记", new HashSet<Portal.Domain.Access.PortalRole> { Portal.Domain.Access.PortalRole.CommunitySecretary });
        Assert.Null(session.CompleteStep(0, secretary, [new EvidenceRef(EvidenceKind.Vote, 1)], At));

        Assert.Equal((null, PlanVersion.ErrorSessionFinished), PlanVersion.Write(session, null, null, "sec", "王书记", "方案", null, At));
    }
}
