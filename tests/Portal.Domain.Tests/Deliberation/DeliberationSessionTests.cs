using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using static Portal.Domain.Deliberation.EvidenceKind;

namespace Portal.Domain.Tests.Deliberation;

public sealed class DeliberationSessionTests
{
    private static readonly DateTime Start = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);
    private static readonly StepActor Secretary = new("sec", "王书记", new HashSet<PortalRole> { PortalRole.CommunitySecretary });
    private static readonly StepActor GridWorker = new("grid", "李网格", new HashSet<PortalRole> { PortalRole.GridWorker });

    private static readonly ProcedureTemplate Template = ProcedureTemplate.Create("三步", ScopeKind.Community, 3,
    [
        ProcedureStep.Of("说事", PortalRole.GridWorker, 5, Opinions),
        ProcedureStep.Of("议事", PortalRole.CommunitySecretary, null, SignInSheet, PlanDocument),
        ProcedureStep.Of("定事", PortalRole.CommunitySecretary, null, Vote),
    ]).Template!;

    private static Matter Accepted()
    {
        var matter = MatterTests.Raised(id: 11, communityId: 3);
        matter.Accept("sec", Start);
        return matter;
    }

    private static DeliberationSession Started(ProcedureTemplate? template = null)
    {
        var session = DeliberationSession.Start(Accepted(), template ?? Template, 2, Start).Session!;
        session.Id = 8;
        return session;
    }

    private static string Record(DeliberationSession s) => string.Join("|", s.Completions.Select(c => $"{c.StepIndex}@{c.AtUtc:O}"));

    [Fact]
    public void A_session_starts_on_an_accepted_matter_with_a_copy_of_the_template_version()
    {
        var (session, error) = DeliberationSession.Start(Accepted(), Template, 2, Start);

        Assert.Null(error);
        Assert.Equal((3, 11, "加装电梯", new MatterScope(MatterScopeKind.Building, 40), Template.Key, "三步", 1, Start),
            (session!.CommunityId, session.MatterId, session.Title, session.Scope, session.TemplateKey, session.TemplateName,
             session.TemplateVersion, session.StartedAtUtc));
        Assert.Equal(Template.Steps, session.Steps);
        Assert.Equal(0, session.CurrentStepIndex);
    }

    [Fact]
    public void A_revision_of_the_template_leaves_a_running_session_on_the_version_it_started_with()
    {
        var session = Started();

        var v2 = Template.Revise("三步", [ProcedureStep.Of("只一步", PortalRole.CommunitySecretary, null, Vote)]).Template!;

        Assert.Equal(2, v2.Version);
        Assert.Equal(1, session.TemplateVersion);
        Assert.Equal(["说事", "议事", "定事"], session.Steps.Select(s => s.Name));
    }

    [Fact]
    public void A_session_is_refused_on_a_matter_not_accepted_or_a_template_that_does_not_serve_the_community()
    {
        Assert.Equal((null, DeliberationSession.ErrorMatterNotAccepted), DeliberationSession.Start(MatterTests.Raised(communityId: 3), Template, 2, Start));
        var otherCommunity = ProcedureTemplate.Create("三步", ScopeKind.Community, 4, Template.Steps).Template!;
        Assert.Equal((null, DeliberationSession.ErrorTemplateNotServing), DeliberationSession.Start(Accepted(), otherCommunity, 2, Start));
        var street = ShippedProcedures.Hangzhou(ScopeKind.Street, 2);
        Assert.Null(DeliberationSession.Start(Accepted(), street, 2, Start).Error);
        Assert.Equal(DeliberationSession.ErrorTemplateNotServing, DeliberationSession.Start(Accepted(), street, 5, Start).Error);
    }

    [Fact]
    public void Completing_the_current_step_records_when_who_and_evidence_and_moves_on()
    {
        var session = Started();

        Assert.Null(session.CompleteStep(0, GridWorker, [new EvidenceRef(Opinions, 31), new EvidenceRef(Opinions, 31), new EvidenceRef(SignInSheet, 4)], Start.AddDays(1)));

        var done = Assert.Single(session.Completions);
        Assert.Equal((0, Start.AddDays(1), "grid", "李网格"), (done.StepIndex, done.AtUtc, done.ByUserId, done.ByName));
        Assert.Equal([new EvidenceRef(Opinions, 31), new EvidenceRef(SignInSheet, 4)], done.Evidence);
        Assert.Equal(1, session.CurrentStepIndex);
        Assert.Equal([new DeliberationStepCompleted(8, 0, "说事", "grid", Start.AddDays(1))], session.TakeEvents());
    }

    [Fact]
    public void Completing_the_last_step_finishes_the_session()
    {
        var session = Started();
        session.CompleteStep(0, GridWorker, [new EvidenceRef(Opinions, 1)], Start.AddDays(1));
        session.CompleteStep(1, Secretary, [new EvidenceRef(SignInSheet, 2), new EvidenceRef(PlanDocument, 3)], Start.AddDays(2));
        session.TakeEvents();

        Assert.Null(session.CompleteStep(2, Secretary, [new EvidenceRef(Vote, 4)], Start.AddDays(3)));

        Assert.True(session.IsFinished);
        Assert.Null(session.CurrentStepIndex);
        Assert.Equal([new DeliberationStepCompleted(8, 2, "定事", "sec", Start.AddDays(3)), new DeliberationSessionFinished(8, Start.AddDays(3))],
            session.TakeEvents());
        Assert.Equal(DeliberationSession.ErrorFinished, session.CompleteStep(2, Secretary, [new EvidenceRef(Vote, 4)], Start.AddDays(4)));
        Assert.Equal(3, session.Completions.Length);
        Assert.Empty(session.TakeEvents());
    }

    public static TheoryData<int, string, EvidenceRef[], string> Refusals => new()
    {
        { 1, "grid", [new EvidenceRef(Opinions, 1)], DeliberationSession.ErrorNotCurrentStep },
        { -1, "grid", [new EvidenceRef(Opinions, 1)], DeliberationSession.ErrorNotCurrentStep },
        { 0, "secretary", [new EvidenceRef(Opinions, 1)], DeliberationSession.ErrorNotAllowed },
        { 0, "nobody", [new EvidenceRef(Opinions, 1)], DeliberationSession.ErrorNotAllowed },
        { 0, "grid", [], DeliberationSession.ErrorEvidenceMissing },
        { 0, "grid", [new EvidenceRef(SignInSheet, 1)], DeliberationSession.ErrorEvidenceMissing },
        { 0, "grid", [new EvidenceRef(Opinions, 0)], DeliberationSession.ErrorEvidenceMissing },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_refused_completion_changes_nothing(int stepIndex, string actor, EvidenceRef[] evidence, string expected)
    {
        var session = Started();
        var who = actor switch
        {
            "grid" => GridWorker,
            "secretary" => Secretary,
            _ => new StepActor("", "匿名", new HashSet<PortalRole> { PortalRole.GridWorker }),
        };

        Assert.Equal(expected, session.CompleteStep(stepIndex, who, evidence, Start.AddDays(1)));

        Assert.Empty(session.Completions);
        Assert.Equal(0, session.CurrentStepIndex);
        Assert.Empty(session.TakeEvents());
    }

    [Fact]
    public void A_second_completion_of_the_same_step_is_refused_instead_of_completing_the_next()
    {
        var session = Started();
        session.CompleteStep(0, GridWorker, [new EvidenceRef(Opinions, 1)], Start.AddDays(1));
        session.TakeEvents();
        var before = Record(session);

        Assert.Equal(DeliberationSession.ErrorNotCurrentStep, session.CompleteStep(0, GridWorker, [new EvidenceRef(Opinions, 1)], Start.AddDays(1)));

        Assert.Equal(before, Record(session));
        Assert.Empty(session.TakeEvents());
    }

    [Fact]
    public void Every_kind_a_step_names_is_needed()
    {
        var session = Started();
        session.CompleteStep(0, GridWorker, [new EvidenceRef(Opinions, 1)], Start.AddDays(1));

        Assert.Equal(DeliberationSession.ErrorEvidenceMissing, session.CompleteStep(1, Secretary, [new EvidenceRef(PlanDocument, 3)], Start.AddDays(2)));
        Assert.Null(session.CompleteStep(1, Secretary, [new EvidenceRef(PlanDocument, 3), new EvidenceRef(SignInSheet, 2)], Start.AddDays(2)));
    }

    [Fact]
    public void The_timeline_shows_done_current_next_and_later_with_the_current_steps_deadline()
    {
        var session = Started(ProcedureTemplate.Create("四步", ScopeKind.Community, 3,
        [
            ProcedureStep.Of("一", PortalRole.CommunitySecretary, null, Opinions),
            ProcedureStep.Of("二", PortalRole.CommunitySecretary, 7, Opinions),
            ProcedureStep.Of("三", PortalRole.CommunitySecretary, null, Vote),
            ProcedureStep.Of("四", PortalRole.CommunitySecretary, null, Ratings),
        ]).Template);
        session.CompleteStep(0, Secretary, [new EvidenceRef(Opinions, 1)], Start.AddDays(2));

        var timeline = session.Timeline();

        Assert.Equal([TimelineState.Done, TimelineState.Current, TimelineState.Next, TimelineState.Later], timeline.Select(t => t.State));
        Assert.Equal(session.Completions[0], timeline[0].Completion);
        Assert.Equal([null, Start.AddDays(9), null, null], timeline.Select(t => t.DueUtc));
        Assert.Equal(["一", "二", "三", "四"], timeline.Select(t => t.Step.Name));
    }

    [Fact]
    public void A_step_past_its_limit_is_overdue_and_may_still_be_completed()
    {
        var session = Started();

        Assert.Equal(Start.AddDays(5), session.CurrentStepDueUtc);
        Assert.False(session.IsOverdue(Start.AddDays(5)));
        Assert.True(session.IsOverdue(Start.AddDays(5).AddTicks(1)));
        Assert.Null(session.CompleteStep(0, GridWorker, [new EvidenceRef(Opinions, 1)], Start.AddDays(6)));
        Assert.Null(session.CurrentStepDueUtc);
        Assert.False(session.IsOverdue(Start.AddDays(60)));
    }

    [Fact]
    public void A_finished_session_shows_every_step_done_and_nothing_due()
    {
        var session = Started(ProcedureTemplate.Create("一步", ScopeKind.Community, 3,
            [ProcedureStep.Of("一", PortalRole.CommunitySecretary, 3, Vote)]).Template);
        session.CompleteStep(0, Secretary, [new EvidenceRef(Vote, 1)], Start);

        Assert.Equal([TimelineState.Done], session.Timeline().Select(t => t.State));
        Assert.Null(session.CurrentStepSinceUtc);
        Assert.False(session.IsOverdue(Start.AddYears(1)));
    }
}
