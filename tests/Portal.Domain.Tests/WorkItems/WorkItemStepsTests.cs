using Portal.Domain.WorkItems;
using Portal.Domain.WorkItems.Kinds;

namespace Portal.Domain.Tests.WorkItems;

/// <summary>
/// The work item's own step methods: each records its history step and raises <see cref="WorkItemStepped"/>; each
/// refusal returns its code and leaves the item exactly as it was (status, dates, owner, history, no event).
/// </summary>
public sealed class WorkItemStepsTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);
    private static readonly StepActor Secretary = new("u-sec", "社区书记");
    private static readonly StepActor Liaison = new("u-liaison", "联络员");
    private static readonly HashSet<int> Units = [500, 501, 502];

    [Fact]
    public void A_new_need_is_raised_with_its_raiser_and_requester_and_says_so()
    {
        var need = WorkItem.NewNeed("楼道灯坏了", "描述", WorkItemCategories.Safety, Urgency.Emergency, 10, 100, "3号楼", RaiseChannel.Hotline,
            new StepActor("u-grid", new string('网', 80)), "u-res", Now);

        Assert.Equal((WorkItemKind.Need, WorkItemStatus.Raised, "u-grid", "u-res", RaiseChannel.Hotline),
            (need.Kind, need.Status, need.RaisedByUserId, need.RequesterUserId, need.Channel));
        Assert.Equal(WorkItem.NameMaxLength, need.RaisedByName.Length);
        Assert.Equal([new WorkItemStepped(0, 10, WorkItemKind.Need, WorkItemStatus.Raised, null)], need.TakeEvents());
    }

    [Fact]
    public void A_new_project_starts_triaged_or_dispatched_to_its_lead_and_a_council_task_dispatched_with_their_history()
    {
        var open = WorkItem.NewProject("加装电梯", WorkItemCategories.Other, 10, null, true, 1000m, Now.AddDays(30), null, [501], Secretary, Now);
        var led = WorkItem.NewProject("加装电梯", WorkItemCategories.Other, 10, null, true, 1000m, Now.AddDays(30), 500, [500, 501], Secretary, Now);
        var task = WorkItem.NewCouncilTask(" 修路 ", "决议", 10, 500, [500, 502, 502], Now.AddDays(7), Secretary, Now);

        Assert.Equal(WorkItemStatus.Triaged, open.Status);
        Assert.Equal([WorkItemAction.Triage], open.Events.Select(e => e.Action));
        Assert.Equal(WorkItemStatus.Dispatched, led.Status);
        Assert.Equal([501], led.CoOwners.Select(c => c.UnitId));
        Assert.Equal([WorkItemAction.Triage, WorkItemAction.Dispatch], led.Events.Select(e => e.Action));
        Assert.Equal([null, WorkItemAction.Triage, WorkItemAction.Dispatch], led.TakeEvents().Cast<WorkItemStepped>().Select(e => e.Step));
        Assert.Equal((WorkItemKind.CouncilTask, WorkItemStatus.Dispatched, "修路", RaiseChannel.Council), (task.Kind, task.Status, task.Title, task.Channel));
        Assert.Equal([502], task.CoOwners.Select(c => c.UnitId));
    }

    [Fact]
    public void Triage_dispatch_accept_progress_report_rate_and_close_walk_the_lifecycle_each_recorded_and_raised()
    {
        var need = NewNeed();
        var rules = DeadlineRules.Default;

        Assert.Null(need.Triage(Secretary, Now, isShared: false, isPublic: true));
        Assert.Equal((WorkItemKind.MicroWish, true, (bool?)false), (need.Kind, need.IsPublic, need.IsShared));
        Assert.Null(need.Dispatch(Secretary, Now, 500, [501, 500], Urgency.Emergency, null, rules, 7, Units));
        Assert.Equal((500, Now + rules.Allowed(Urgency.Emergency), (int?)7, Urgency.Emergency), (need.OwnerUnitId!.Value, need.DueAtUtc!.Value, need.DeadlineRuleSetId, need.Urgency));
        Assert.Equal([501], need.CoOwners.Select(c => c.UnitId));
        Assert.Null(need.Accept(Liaison, Now.AddHours(1)));
        Assert.Equal(Now.AddHours(1), need.AcceptedAtUtc);
        var photo = new Attachment { FileName = "a.png", ContentType = "image/png", StoredName = "x.png", SizeBytes = 10 };
        Assert.Null(need.AddProgress(Liaison, Now.AddHours(2), "已更换灯泡", [photo]));
        Assert.Null(need.ReportBack(Liaison, Now.AddHours(3), "完成"));
        Assert.Null(need.Rate(new StepActor("u-res", "居民"), Now.AddHours(4), Satisfaction.Satisfied));
        Assert.Null(need.Close(Secretary, Now.AddHours(5)));

        Assert.Equal(WorkItemStatus.Closed, need.Status);
        var actions = new[]
        {
            WorkItemAction.Triage, WorkItemAction.Dispatch, WorkItemAction.Accept, WorkItemAction.AddProgress, WorkItemAction.ReportBack,
            WorkItemAction.Rate, WorkItemAction.Close,
        };
        Assert.Equal(actions, need.Events.Select(e => e.Action));
        Assert.Equal([photo], need.Events[3].Attachments);
        Assert.Equal("联络员", need.Events[2].ActorName);
        Assert.Equal(Satisfaction.Satisfied, need.Events[5].Rating);
        Assert.Equal(actions.Select(a => (WorkItemAction?)a).Prepend(null), need.TakeEvents().Cast<WorkItemStepped>().Select(e => e.Step));
    }

    [Fact]
    public void A_given_due_date_is_kept_and_not_tied_to_a_rule_set_and_one_in_the_past_is_refused()
    {
        var need = Triaged();
        Assert.Equal(WorkItemRefusals.DueInPast, Unchanged(need, n => n.Dispatch(Secretary, Now, 500, [], Urgency.General, Now.AddMinutes(-1), DeadlineRules.Default, 7, Units)));

        Assert.Null(need.Dispatch(Secretary, Now, 500, [], Urgency.General, Now.AddDays(3), DeadlineRules.Default, 7, Units));
        Assert.Equal((Now.AddDays(3), (int?)null), (need.DueAtUtc!.Value, need.DeadlineRuleSetId));
    }

    [Fact]
    public void Every_refusal_returns_its_code_and_changes_nothing()
    {
        Assert.Equal(WorkItemWorkflow.NotAllowedInStatus, Unchanged(NewNeed(), n => n.Accept(Liaison, Now)));
        Assert.Equal(WorkItemRefusals.NoteRequired, Unchanged(NewNeed(), n => n.Reject(Secretary, Now, "  ")));
        Assert.Equal(WorkItemRefusals.UnitOutOfScope, Unchanged(Triaged(), n => n.Dispatch(Secretary, Now, 999, [], Urgency.General, null, DeadlineRules.Default, null, Units)));
        Assert.Equal(WorkItemRefusals.UnitOutOfScope, Unchanged(Triaged(), n => n.Dispatch(Secretary, Now, 500, [999], Urgency.General, null, DeadlineRules.Default, null, Units)));
        Assert.Equal(WorkItemRefusals.UrgencyRequired, Unchanged(Triaged(), n => n.Dispatch(Secretary, Now, 500, [], (Urgency)42, null, DeadlineRules.Default, null, Units)));
        Assert.Equal(WorkItemRefusals.NotClaimable, Unchanged(Triaged(isPublic: false), n => n.Claim(Liaison, Now, 500, null, Units, DeadlineRules.Default, null)));
        Assert.Equal(WorkItemRefusals.Forbidden, Unchanged(Triaged(), n => n.Claim(Liaison, Now, 999, null, Units, DeadlineRules.Default, null)));
        Assert.Equal(WorkItemRefusals.Forbidden, Unchanged(Triaged(), n => n.Claim(Liaison, Now, null, null, Units, DeadlineRules.Default, null)));
        Assert.Equal(WorkItemRefusals.NoteRequired, Unchanged(InProgress(), n => n.AddProgress(Liaison, Now, null)));
        Assert.Equal(WorkItemRefusals.NoteRequired, Unchanged(InProgress(), n => n.Chase(Secretary, Now, "")));
        Assert.Equal(WorkItemWorkflow.RatingRequired, Unchanged(Reported(), n => n.Rate(Secretary, Now, null)));
        Assert.Equal(WorkItemRefusals.Forbidden, Unchanged(Reported(), n => n.Assess(Secretary, Now, 90, 90, 90, "评诺")));
        Assert.Equal(WorkItemRefusals.Forbidden, Unchanged(Dispatched(), n => n.PublishCommitment(Secretary, Now)));
    }

    [Fact]
    public void A_claim_by_a_unit_or_a_member_takes_the_item_with_a_due_date_by_the_rules_when_it_had_none()
    {
        var byUnit = Triaged();
        Assert.Null(byUnit.Claim(Liaison, Now, 501, 7, Units, DeadlineRules.Default, 3));
        Assert.Equal((WorkItemStatus.InProgress, (int?)501, (int?)null, true), (byUnit.Status, byUnit.OwnerUnitId, byUnit.OwnerPersonId, byUnit.WasClaimed));
        Assert.Equal((Now + DeadlineRules.Default.Allowed(Urgency.General), (int?)3), (byUnit.DueAtUtc!.Value, byUnit.DeadlineRuleSetId));

        var byMember = Triaged();
        Assert.Null(byMember.Claim(new StepActor("u-member", "党员"), Now, null, 7, Units, DeadlineRules.Default, 3));
        Assert.Equal(((int?)null, (int?)7), (byMember.OwnerUnitId, byMember.OwnerPersonId));
    }

    [Fact]
    public void A_project_is_claimed_by_a_unit_or_a_member_whether_public_or_not_keeping_its_decided_due_date()
    {
        var due = Now.AddDays(30);
        var byUnit = WorkItem.NewProject("加装电梯", WorkItemCategories.Other, 10, null, false, null, due, null, [], Secretary, Now);
        byUnit.TakeEvents();
        Assert.Null(byUnit.ClaimProject(Liaison, Now, 501, 7));
        Assert.Equal((WorkItemStatus.InProgress, (int?)501, (int?)null, true, (DateTime?)due, (int?)null),
            (byUnit.Status, byUnit.OwnerUnitId, byUnit.OwnerPersonId, byUnit.WasClaimed, byUnit.DueAtUtc, byUnit.DeadlineRuleSetId));
        Assert.Equal(WorkItemAction.Claim, byUnit.Events.Last().Action);
        Assert.Equal([new WorkItemStepped(0, 10, WorkItemKind.Project, WorkItemStatus.InProgress, WorkItemAction.Claim)], byUnit.TakeEvents());

        var byMember = WorkItem.NewProject("加装电梯", WorkItemCategories.Other, 10, null, true, null, due, null, [], Secretary, Now);
        Assert.Null(byMember.ClaimProject(new StepActor("u-member", "党员"), Now, null, 7));
        Assert.Equal(((int?)null, (int?)7), (byMember.OwnerUnitId, byMember.OwnerPersonId));

        var project = WorkItem.NewProject("加装电梯", WorkItemCategories.Other, 10, null, true, null, due, null, [], Secretary, Now);
        Assert.Equal(WorkItemRefusals.Forbidden, Unchanged(project, p => p.ClaimProject(Liaison, Now, null, null)));
        Assert.Equal(WorkItemRefusals.Forbidden, Unchanged(Triaged(), n => n.ClaimProject(Liaison, Now, 501, null)));
        var led = WorkItem.NewProject("加装电梯", WorkItemCategories.Other, 10, null, true, null, due, 500, [], Secretary, Now);
        Assert.Equal(WorkItemWorkflow.NotAllowedInStatus, Unchanged(led, p => p.ClaimProject(Liaison, Now, 501, null)));
    }

    [Fact]
    public void Decline_hands_the_item_back_reopen_and_chase_need_their_reason_and_the_monitor_reminds_and_escalates()
    {
        var need = Dispatched();
        Assert.Null(need.Decline(Liaison, Now, "不归我单位"));
        Assert.Equal((WorkItemStatus.Triaged, (int?)null, (DateTime?)null, 0), (need.Status, need.OwnerUnitId, need.DueAtUtc, need.CoOwners.Count));

        var closed = Reported();
        Assert.Null(closed.Close(Secretary, Now));
        Assert.Null(closed.Reopen(Secretary, Now.AddDays(1), "又坏了"));
        Assert.Equal((WorkItemStatus.InProgress, 1, (DateTime?)null), (closed.Status, closed.ReopenCount, closed.ClosedAtUtc));
        Assert.Null(closed.Chase(Secretary, Now.AddDays(2), "请尽快"));
        Assert.Equal(WorkItemStatus.InProgress, closed.Status);
        Assert.Null(closed.Remind(StepActor.Monitor("系统"), Now.AddDays(3), "系统提醒：即将到达办理期限，请抓紧办理。"));
        Assert.Equal((WorkItemAction.Chase, true, Now.AddDays(3), (DateTime?)null),
            (closed.Events[^1].Action, closed.Events[^1].IsAutomatic, closed.RemindedAtUtc!.Value, closed.EscalatedAtUtc));
        Assert.Null(closed.Escalate(StepActor.Monitor("系统"), Now.AddDays(4)));
        Assert.Equal((WorkItemAction.Escalate, true, Now.AddDays(4), Now.AddDays(4)),
            (closed.Events[^1].Action, closed.Events[^1].IsAutomatic, closed.EscalatedAtUtc!.Value, closed.RemindedAtUtc!.Value));
        Assert.Equal(WorkItemStatus.InProgress, closed.Status);
    }

    [Fact]
    public void A_commitment_is_published_and_assessed_never_dispatched_or_rated_plainly()
    {
        var commitment = WorkItem.NewCommitment("帮扶", "", WorkItemCategories.Other, 10, 3, CommitmentType.Annual, 2026, 500, null,
            Now.AddDays(10), Secretary, Now);
        Assert.Null(commitment.Triage(Secretary, Now, true, false));
        Assert.Equal(CommitmentKind.UsePublish, Unchanged(commitment, c => c.Dispatch(Secretary, Now, 500, [], Urgency.General, null, DeadlineRules.Default, null, Units)));
        Assert.Equal(WorkItemRefusals.PromisedDatePassed, Unchanged(commitment, c => c.PublishCommitment(Secretary, Now.AddDays(11))));
        Assert.Null(commitment.PublishCommitment(Secretary, Now));
        Assert.Equal((WorkItemStatus.Dispatched, true, Now.AddDays(10)), (commitment.Status, commitment.IsPublic, commitment.DueAtUtc!.Value));
        Assert.Null(commitment.Accept(Liaison, Now));
        Assert.Null(commitment.ReportBack(Liaison, Now, "已践诺"));
        Assert.Equal(CommitmentKind.ScoresRequired, Unchanged(commitment, c => c.Rate(Secretary, Now, Satisfaction.Satisfied)));
        Assert.Equal(CommitmentRules.ScoreRequired, Unchanged(commitment, c => c.Assess(Secretary, Now, 90, null, 90, "评诺")));

        Assert.Null(commitment.Assess(Secretary, Now, 50, 50, 50, "评诺"));
        Assert.Equal((WorkItemStatus.InProgress, 50m, Satisfaction.NotSatisfied), (commitment.Status, commitment.Commitment!.MemberScore!.Value, commitment.Rating!.Value));
        Assert.Null(commitment.ReportBack(Liaison, Now, "再次践诺"));
        Assert.Null(commitment.Assess(Secretary, Now, 95, 90, 92, "评诺"));
        Assert.Equal((WorkItemStatus.Rated, 95m, 90m, 92m), (commitment.Status, commitment.Commitment!.MemberScore!.Value, commitment.Commitment!.ResidentScore!.Value, commitment.Commitment!.OrganizationScore!.Value));
    }

    [Fact]
    public void A_need_is_taken_up_into_one_project_and_a_second_one_is_a_bug()
    {
        var need = Triaged();
        need.TakeUpInto(42);
        need.TakeUpInto(42);

        Assert.Equal(42, need.ProjectId);
        Assert.Throws<InvalidOperationException>(() => need.TakeUpInto(43));
        Assert.Equal(42, need.ProjectId);
    }

    /// <summary>Runs a step that must be refused and proves the item is exactly as before.</summary>
    private static string? Unchanged(WorkItem item, Func<WorkItem, string?> step)
    {
        item.TakeEvents();
        var before = Snapshot(item);
        var code = step(item);
        Assert.NotNull(code);
        Assert.Equal(before, Snapshot(item));
        Assert.Empty(item.TakeEvents());
        return code;
    }

    private static string Snapshot(WorkItem w) => string.Join("|", w.Kind, w.Status, w.IsShared, w.IsPublic, w.OwnerUnitId, w.OwnerPersonId, w.Urgency,
        w.DueAtUtc, w.DeadlineRuleSetId, w.DispatchedAtUtc, w.AcceptedAtUtc, w.WasClaimed, w.Rating, w.ClosedAtUtc, w.ReopenCount,
        w.Commitment?.MemberScore, w.Commitment?.ResidentScore, w.Commitment?.OrganizationScore, string.Join(",", w.CoOwners.Select(c => c.UnitId)), w.Events.Count);

    private static WorkItem NewNeed() => WorkItem.NewNeed("楼道灯", "", WorkItemCategories.Safety, Urgency.General, 10, 100, null, RaiseChannel.Self,
        new StepActor("u-res", "居民"), "u-res", Now);

    private static WorkItem Triaged(bool isPublic = true)
    {
        var need = NewNeed();
        Assert.Null(need.Triage(Secretary, Now, true, isPublic));
        return need;
    }

    private static WorkItem Dispatched()
    {
        var need = Triaged();
        Assert.Null(need.Dispatch(Secretary, Now, 500, [501], Urgency.General, null, DeadlineRules.Default, null, Units));
        return need;
    }

    private static WorkItem InProgress()
    {
        var need = Dispatched();
        Assert.Null(need.Accept(Liaison, Now));
        return need;
    }

    private static WorkItem Reported()
    {
        var need = InProgress();
        Assert.Null(need.ReportBack(Liaison, Now, "完成"));
        return need;
    }
}
