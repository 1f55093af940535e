using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using static Portal.Domain.Deliberation.EvidenceKind;

namespace Portal.Domain.Tests.Deliberation;

/// <summary>
/// Opinions are posted only in a comment window (the current step needs opinions), hidden once with a reason and never
/// emptied; supports are one person's, never for one's own or a hidden opinion, and given or withdrawn only while the
/// opinion's window is open.
/// </summary>
public sealed class OpinionTests
{
    private static readonly DateTime Start = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);
    private static readonly StepActor Secretary = new("sec", "王书记", new HashSet<PortalRole> { PortalRole.CommunitySecretary });

    /// <summary>拟方案 (plan), 开言路 (opinions), 定事 (vote): the comment window is the second step.</summary>
    internal static DeliberationSession Session()
    {
        var template = ProcedureTemplate.Create("三步", ScopeKind.Community, 3,
        [
            ProcedureStep.Of("拟方案", PortalRole.CommunitySecretary, null, PlanDocument),
            ProcedureStep.Of("开言路", PortalRole.CommunitySecretary, 7, Opinions),
            ProcedureStep.Of("定事", PortalRole.CommunitySecretary, null, Vote),
        ]).Template!;
        var matter = MatterTests.Raised(id: 11, communityId: 3);
        matter.Accept("sec", Start);
        var session = DeliberationSession.Start(matter, template, 2, Start).Session!;
        session.Id = 8;
        return session;
    }

    internal static DeliberationSession InCommentWindow()
    {
        var session = Session();
        Assert.Null(session.CompleteStep(0, Secretary, [new EvidenceRef(PlanDocument, 1)], Start.AddDays(1)));
        return session;
    }

    private static Opinion Posted(DeliberationSession session, string author = "r1")
    {
        var opinion = Opinion.Post(session, null, author, "居民甲", "建议**避开午休**施工", Start.AddDays(2)).Opinion!;
        opinion.Id = 31;
        return opinion;
    }

    [Fact]
    public void An_opinion_is_posted_in_the_comment_window_of_the_current_step()
    {
        var session = InCommentWindow();

        var (opinion, error) = Opinion.Post(session, null, "r1", "居民甲", "  建议避开午休施工\n", Start.AddDays(2));

        Assert.Null(error);
        Assert.Equal((8, 1, "r1", "居民甲", "建议避开午休施工", (int?)null, false),
            (opinion!.SessionId, opinion.StepIndex, opinion.AuthorUserId, opinion.AuthorName, opinion.BodyMarkdown, opinion.PlanVersionId, opinion.IsHidden));
        Assert.Equal([new OpinionsChanged(8)], opinion.TakeEvents());
    }

    [Fact]
    public void Outside_a_comment_window_no_opinion_is_taken()
    {
        var beforeWindow = Session();
        var afterWindow = InCommentWindow();
        Assert.Null(afterWindow.CompleteStep(1, Secretary, [new EvidenceRef(Opinions, 31)], Start.AddDays(3)));

        Assert.Equal((null, Opinion.ErrorNoCommentWindow), Opinion.Post(beforeWindow, null, "r1", "居民甲", "意见", Start));
        Assert.Equal((null, Opinion.ErrorNoCommentWindow), Opinion.Post(afterWindow, null, "r1", "居民甲", "意见", Start));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n ")]
    public void An_empty_or_too_long_opinion_is_refused(string body)
    {
        var session = InCommentWindow();

        Assert.Equal((null, Opinion.ErrorBody), Opinion.Post(session, null, "r1", "居民甲", body, Start));
        Assert.Equal((null, Opinion.ErrorBody), Opinion.Post(session, null, "r1", "居民甲", new string('字', Opinion.BodyMaxLength + 1), Start));
        Assert.Null(Opinion.Post(session, null, "r1", "居民甲", new string('字', Opinion.BodyMaxLength), Start).Error);
    }

    [Fact]
    public void An_opinion_attaches_to_a_plan_version_of_its_own_session_only()
    {
        var session = InCommentWindow();
        var plan = PlanVersion.Write(session, null, null, "sec", "王书记", "方案", null, Start).Version!;
        plan.Id = 5;
        var otherSession = Session();
        otherSession.Id = 9;
        var foreign = PlanVersion.Write(otherSession, null, null, "sec", "王书记", "别的方案", null, Start).Version!;

        Assert.Equal(5, Opinion.Post(session, plan, "r1", "居民甲", "意见", Start).Opinion!.PlanVersionId);
        Assert.Equal((null, Opinion.ErrorPlanVersion), Opinion.Post(session, foreign, "r1", "居民甲", "意见", Start));
    }

    [Fact]
    public void A_moderator_hides_an_opinion_once_with_a_reason_and_the_text_stays()
    {
        var opinion = Posted(InCommentWindow());
        opinion.TakeEvents();

        Assert.Equal(Opinion.ErrorReason, opinion.Hide("  ", "sec", Start.AddDays(3)));
        Assert.False(opinion.IsHidden);
        Assert.Null(opinion.Hide("含有他人电话号码", "sec", Start.AddDays(3)));
        Assert.Equal(Opinion.ErrorAlreadyHidden, opinion.Hide("另一个理由", "sec2", Start.AddDays(4)));

        Assert.Equal(("含有他人电话号码", "sec", Start.AddDays(3), "建议**避开午休**施工"),
            (opinion.HiddenReason, opinion.HiddenByUserId, opinion.HiddenAtUtc, opinion.BodyMarkdown));
        Assert.Equal([new OpinionsChanged(8)], opinion.TakeEvents());
    }

    [Fact]
    public void A_support_is_given_to_another_visible_opinion_while_its_window_is_open()
    {
        var session = InCommentWindow();
        var opinion = Posted(session);

        var (support, error) = OpinionSupport.Give(session, opinion, "r2", Start.AddDays(2));

        Assert.Null(error);
        Assert.Equal((31, "r2"), (support!.OpinionId, support.UserId));
        Assert.Equal((null, OpinionSupport.ErrorOwn), OpinionSupport.Give(session, opinion, "r1", Start));
        Assert.Null(support.Withdraw(session, opinion));
    }

    [Fact]
    public void A_hidden_opinion_takes_no_support()
    {
        var session = InCommentWindow();
        var opinion = Posted(session);
        opinion.Hide("重复内容", "sec", Start);

        Assert.Equal((null, OpinionSupport.ErrorHidden), OpinionSupport.Give(session, opinion, "r2", Start));
    }

    [Fact]
    public void Once_the_window_closes_supports_are_fixed()
    {
        var session = InCommentWindow();
        var opinion = Posted(session);
        var support = OpinionSupport.Give(session, opinion, "r2", Start).Support!;
        Assert.Null(session.CompleteStep(1, Secretary, [new EvidenceRef(Opinions, 31)], Start.AddDays(3)));

        Assert.Equal((null, OpinionSupport.ErrorWindowClosed), OpinionSupport.Give(session, opinion, "r3", Start.AddDays(4)));
        Assert.Equal(OpinionSupport.ErrorWindowClosed, support.Withdraw(session, opinion));
    }
}
