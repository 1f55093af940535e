using Portal.Domain.WorkItems.Kinds;

namespace Portal.Domain.WorkItems;

/// <summary>
/// The steps of the lifecycle as the item's own methods. Each asks the state machine and the kind, checks its own
/// arguments, and only then changes the item, records the history step and raises <see cref="WorkItemStepped"/>; a
/// refusal returns the error code (a key of ListsText for the state machine's and the kinds' codes, of WorkItemsText for
/// <see cref="WorkItemRefusals"/>) and changes nothing. Who may take a step is <c>WorkItemAccess</c>'s question, asked
/// before; notes arrive cleaned (the service trims and limits them as the database stores them).
/// </summary>
public sealed partial class WorkItem
{
    // ---- Raising ---------------------------------------------------------------------------------------------------

    /// <summary>A need raised by a resident, or entered on their behalf (channel other than <see cref="RaiseChannel.Self"/>).</summary>
    public static WorkItem NewNeed(string title, string description, string category, Urgency urgency, int communityId, int? gridId,
        string? address, RaiseChannel channel, StepActor raisedBy, string? requesterUserId, DateTime nowUtc)
    {
        var item = new WorkItem
        {
            Kind = WorkItemKind.Need, Title = title, DescriptionMarkdown = description, Category = category, Urgency = urgency,
            CommunityId = communityId, GridId = gridId, Address = address, Channel = channel,
            RaisedByUserId = raisedBy.UserId, RaisedByName = NameOf(raisedBy), RequesterUserId = requesterUserId, RaisedAtUtc = nowUtc,
        };
        item.Raised();
        return item;
    }

    /// <summary>
    /// A commitment made by an organisation (no owner: the secretary acts for it) or a member (<paramref name="ownerPersonId"/>),
    /// or for a unit; due at the end of the promised local day (<paramref name="promisedUtc"/>, worked out by the caller).
    /// </summary>
    public static WorkItem NewCommitment(string title, string description, string category, int communityId, int? partyOrganizationId,
        CommitmentType type, int year, int? ownerUnitId, int? ownerPersonId, DateTime promisedUtc, StepActor madeBy, DateTime nowUtc)
    {
        var item = new WorkItem
        {
            Kind = WorkItemKind.Commitment, Title = title, DescriptionMarkdown = description, Category = category, Urgency = Urgency.Complex,
            CommunityId = communityId, Channel = RaiseChannel.Self, RaisedByUserId = madeBy.UserId, RaisedByName = NameOf(madeBy), RaisedAtUtc = nowUtc,
            Commitment = new CommitmentDetails { PartyOrganizationId = partyOrganizationId, Type = type, Year = year },
            OwnerUnitId = ownerUnitId, OwnerPersonId = ownerPersonId, DueAtUtc = promisedUtc,
        };
        item.Raised();
        return item;
    }

    /// <summary>
    /// A project decided by the secretary: it starts triaged (open for claiming), and dispatched at once when it has a lead
    /// unit; due at <paramref name="dueAtUtc"/> as decided, not by the hotline rules.
    /// </summary>
    public static WorkItem NewProject(string title, string category, int communityId, int? gridId, bool isPublic, decimal? budgetYuan,
        DateTime dueAtUtc, int? leadUnitId, IEnumerable<int> coOwnerUnitIds, StepActor decidedBy, DateTime nowUtc)
    {
        var item = new WorkItem
        {
            Kind = WorkItemKind.Project, Title = title, Category = category, Urgency = Urgency.Complex, CommunityId = communityId,
            GridId = gridId, RaisedByUserId = decidedBy.UserId, RaisedByName = NameOf(decidedBy), RaisedAtUtc = nowUtc, IsShared = true,
            IsPublic = isPublic, Project = new ProjectDetails { BudgetYuan = budgetYuan }, DueAtUtc = dueAtUtc,
            CoOwners = coOwnerUnitIds.Where(u => u != leadUnitId).Distinct().Select(u => new WorkItemCoOwner { UnitId = u }).ToList(),
        };
        item.Raised();
        item.Settled(WorkItemAction.Triage, decidedBy, nowUtc);
        if (leadUnitId is { } lead)
        {
            item._ownerUnitId = lead;
            item.Settled(WorkItemAction.Dispatch, decidedBy, nowUtc);
        }
        return item;
    }

    /// <summary>A task from an approved council resolution: triaged and dispatched to its owner unit at once, due at the end of the local due day.</summary>
    public static WorkItem NewCouncilTask(string title, string description, int communityId, int? ownerUnitId, IEnumerable<int> coOwnerUnitIds,
        DateTime dueAtUtc, StepActor approvedBy, DateTime nowUtc) =>
        NewDecidedTask(RaiseChannel.Council, title, description, communityId, ownerUnitId, coOwnerUnitIds, dueAtUtc, approvedBy, nowUtc);

    /// <summary>
    /// The implementation task of a deliberated decision whose public notice closed: the same tracked task as a council
    /// resolution's (triaged and dispatched at once), raised through the deliberation channel so lists tell them apart.
    /// </summary>
    public static WorkItem NewDeliberationTask(string title, string description, int communityId, int? ownerUnitId,
        DateTime dueAtUtc, StepActor closedBy, DateTime nowUtc) =>
        NewDecidedTask(RaiseChannel.Deliberation, title, description, communityId, ownerUnitId, [], dueAtUtc, closedBy, nowUtc);

    private static WorkItem NewDecidedTask(RaiseChannel channel, string title, string description, int communityId, int? ownerUnitId,
        IEnumerable<int> coOwnerUnitIds, DateTime dueAtUtc, StepActor approvedBy, DateTime nowUtc)
    {
        var item = new WorkItem
        {
            Kind = WorkItemKind.CouncilTask, Title = Truncate(title.Trim(), TitleMaxLength), DescriptionMarkdown = Truncate(description, DescriptionMaxLength),
            Category = WorkItemCategories.Other, Urgency = Urgency.Complex, CommunityId = communityId, Channel = channel,
            RaisedByUserId = approvedBy.UserId, RaisedByName = NameOf(approvedBy), RaisedAtUtc = nowUtc, IsShared = true,
            OwnerUnitId = ownerUnitId, DueAtUtc = dueAtUtc,
            CoOwners = coOwnerUnitIds.Where(u => u != ownerUnitId).Distinct().Select(u => new WorkItemCoOwner { UnitId = u }).ToList(),
        };
        item.Raised();
        item.Settled(WorkItemAction.Triage, approvedBy, nowUtc);
        item.Settled(WorkItemAction.Dispatch, approvedBy, nowUtc);
        return item;
    }

    /// <summary>
    /// A need taken up by a project (its key known once the project is saved). A need is taken up once: the service refuses
    /// a second project before it gets here, so another one is a bug.
    /// </summary>
    public void TakeUpInto(int projectId)
    {
        if (ProjectId is { } taken && taken != projectId)
            throw new InvalidOperationException($"Work item {Id} was taken up by project {taken} already");
        ProjectId = projectId;
    }

    // ---- Steps -----------------------------------------------------------------------------------------------------

    /// <summary>研判: shared (a need on the public list) or individual (a micro-wish), public or not.</summary>
    public string? Triage(StepActor actor, DateTime nowUtc, bool isShared, bool isPublic, string? note = null) =>
        Step(WorkItemAction.Triage, actor, nowUtc, note, change: () =>
        {
            _isShared = isShared;
            _isPublic = isPublic;
            _kind = WorkItemKinds.For(Kind).KindAfterTriage(isShared);
        });

    /// <summary>不予受理, with the reason shown to the raiser.</summary>
    public string? Reject(StepActor actor, DateTime nowUtc, string? reason) =>
        Step(WorkItemAction.Reject, actor, nowUtc, reason, noteRequired: true);

    /// <summary>
    /// 派单 to an owner unit (with co-owner units) at an urgency. The due date is <paramref name="dueAtUtc"/> when given (never
    /// in the past), else now plus what <paramref name="rules"/> allow for the urgency, recorded with the rule set's id.
    /// <paramref name="allowedUnits"/> are the units of the item's community and street.
    /// </summary>
    public string? Dispatch(StepActor actor, DateTime nowUtc, int ownerUnitId, IReadOnlyCollection<int> coOwnerUnitIds, Urgency urgency,
        DateTime? dueAtUtc, DeadlineRules rules, int? ruleSetId, IReadOnlySet<int> allowedUnits, string? note = null)
    {
        var coOwners = coOwnerUnitIds.Where(u => u != ownerUnitId).Distinct().ToList();
        // Worked out only once the urgency is known to be valid (the rules have no allowance for an unknown one).
        DateTime Due() => dueAtUtc is { } given ? DateTime.SpecifyKind(given, DateTimeKind.Utc) : nowUtc + rules.Allowed(urgency);
        return Step(WorkItemAction.Dispatch, actor, nowUtc, note,
            check: () => WorkItemKinds.For(Kind).RefusesPlain(WorkItemAction.Dispatch)
                         ?? (!Enum.IsDefined(urgency) ? WorkItemRefusals.UrgencyRequired
                         : !allowedUnits.Contains(ownerUnitId) || coOwners.Any(u => !allowedUnits.Contains(u)) ? WorkItemRefusals.UnitOutOfScope
                         : dueAtUtc is not null && Due() <= nowUtc ? WorkItemRefusals.DueInPast
                         : null),
            change: () =>
            {
                _ownerUnitId = ownerUnitId;
                _ownerPersonId = null;
                _urgency = urgency;
                _dueAtUtc = Due();
                _deadlineRuleSetId = dueAtUtc is null ? ruleSetId : null;
                CoOwners.RemoveAll(c => !coOwners.Contains(c.UnitId));
                foreach (var unit in coOwners.Where(u => CoOwners.All(c => c.UnitId != u)))
                    CoOwners.Add(new WorkItemCoOwner { WorkItemId = Id, UnitId = unit });
            });
    }

    /// <summary>公示: a commitment goes to its own committer, public from now on, due at the promised date (refused once that passed).</summary>
    public string? PublishCommitment(StepActor actor, DateTime nowUtc, string? note = null) =>
        Step(WorkItemAction.Dispatch, actor, nowUtc, note,
            check: () => Kind != WorkItemKind.Commitment ? WorkItemRefusals.Forbidden
                : DueAtUtc is not { } due || due <= nowUtc ? WorkItemRefusals.PromisedDatePassed
                : null,
            change: () =>
            {
                _isPublic = true;
                _deadlineRuleSetId = null;
            });

    /// <summary>接单: the dispatched owner accepts.</summary>
    public string? Accept(StepActor actor, DateTime nowUtc, string? note = null) => Step(WorkItemAction.Accept, actor, nowUtc, note);

    /// <summary>The dispatched owner hands it back with a reason; it returns to triage without owner, co-owners or due date.</summary>
    public string? Decline(StepActor actor, DateTime nowUtc, string? reason) =>
        Step(WorkItemAction.Decline, actor, nowUtc, reason, noteRequired: true, change: () =>
        {
            _dueAtUtc = null;
            CoOwners.Clear();
        });

    /// <summary>
    /// 认领 of a public item: for a unit (<paramref name="unitId"/>, one of <paramref name="allowedUnits"/>) or for a Party
    /// member (<paramref name="personId"/>). Without a due date yet it gets one by <paramref name="rules"/>.
    /// </summary>
    public string? Claim(StepActor actor, DateTime nowUtc, int? unitId, int? personId, IReadOnlySet<int> allowedUnits, DeadlineRules rules,
        int? ruleSetId, string? note = null) =>
        Step(WorkItemAction.Claim, actor, nowUtc, note,
            check: () => !IsPublic ? WorkItemRefusals.NotClaimable
                : unitId is { } u ? (allowedUnits.Contains(u) ? null : WorkItemRefusals.Forbidden)
                : personId is null ? WorkItemRefusals.Forbidden
                : null,
            change: () =>
            {
                _ownerUnitId = unitId;
                _ownerPersonId = unitId is null ? personId : null;
                if (DueAtUtc is null)
                {
                    _dueAtUtc = nowUtc + rules.Allowed(Urgency);
                    _deadlineRuleSetId = ruleSetId;
                }
            });

    /// <summary>
    /// 认领 of an open project: for a unit (<paramref name="unitId"/>) or a Party member (<paramref name="personId"/>). A
    /// project is open to the liaisons and members who may see it whether or not it is public, and keeps the due date
    /// it was decided with; which unit the caller may claim for is the service's question (their liaison units).
    /// </summary>
    public string? ClaimProject(StepActor actor, DateTime nowUtc, int? unitId, int? personId, string? note = null) =>
        Step(WorkItemAction.Claim, actor, nowUtc, note,
            check: () => Kind != WorkItemKind.Project || (unitId is null && personId is null) ? WorkItemRefusals.Forbidden : null,
            change: () =>
            {
                _ownerUnitId = unitId;
                _ownerPersonId = unitId is null ? personId : null;
            });

    /// <summary>办单: a progress note with evidence (checked and named by the caller).</summary>
    public string? AddProgress(StepActor actor, DateTime nowUtc, string? note, IEnumerable<Attachment>? attachments = null) =>
        Step(WorkItemAction.AddProgress, actor, nowUtc, note, noteRequired: true, attachments: attachments);

    /// <summary>反馈: the owner reports it done.</summary>
    public string? ReportBack(StepActor actor, DateTime nowUtc, string? note, IEnumerable<Attachment>? attachments = null) =>
        Step(WorkItemAction.ReportBack, actor, nowUtc, note, noteRequired: true, attachments: attachments);

    /// <summary>评单: the requester rates; "not satisfied" sends it back to the owner. Commitments are assessed instead.</summary>
    public string? Rate(StepActor actor, DateTime nowUtc, Satisfaction? rating, string? note = null) =>
        Step(WorkItemAction.Rate, actor, nowUtc, note, rating, check: () => WorkItemKinds.For(Kind).RefusesPlain(WorkItemAction.Rate));

    /// <summary>
    /// 评诺: the three scores give the grade (<see cref="CommitmentRules.Assess"/>); a failed one goes back to fulfilment
    /// like a "not satisfied" rating. The scores are kept (the last assessment counts); <paramref name="note"/> is the
    /// history's text (the service writes the scores into it in the reader's language).
    /// </summary>
    public string? Assess(StepActor actor, DateTime nowUtc, decimal? memberScore, decimal? residentScore, decimal? organizationScore, string? note)
    {
        var assessment = CommitmentRules.Assess(memberScore, residentScore, organizationScore);
        if (!assessment.IsValid) return assessment.Errors.Values.First();
        return Step(WorkItemAction.Rate, actor, nowUtc, note, assessment.Satisfaction,
            check: () => Kind != WorkItemKind.Commitment ? WorkItemRefusals.Forbidden : null,
            change: () =>
            {
                var details = Commitment ??= new CommitmentDetails();
                details.MemberScore = memberScore;
                details.ResidentScore = residentScore;
                details.OrganizationScore = organizationScore;
            });
    }

    /// <summary>销号/归档.</summary>
    public string? Close(StepActor actor, DateTime nowUtc, string? note = null) => Step(WorkItemAction.Close, actor, nowUtc, note);

    /// <summary>Reopening a closed item whose problem came back, or one rejected by mistake, with the reason.</summary>
    public string? Reopen(StepActor actor, DateTime nowUtc, string? reason) =>
        Step(WorkItemAction.Reopen, actor, nowUtc, reason, noteRequired: true);

    /// <summary>督办: the secretary chases the owner; the note is for them and the status stays.</summary>
    public string? Chase(StepActor actor, DateTime nowUtc, string? note) =>
        Step(WorkItemAction.Chase, actor, nowUtc, note, noteRequired: true);

    /// <summary>
    /// The deadline monitor reminds the owner (an automatic chase): once per deadline state, which it tells by
    /// <see cref="RemindedAtUtc"/>.
    /// </summary>
    public string? Remind(StepActor monitor, DateTime nowUtc, string note) =>
        Step(WorkItemAction.Chase, monitor, nowUtc, note, change: () => RemindedAtUtc = nowUtc);

    /// <summary>
    /// The deadline monitor escalates an overdue item to the secretary, once (<see cref="EscalatedAtUtc"/>); it counts as a
    /// reminder too, so a later overdue check does not remind again.
    /// </summary>
    public string? Escalate(StepActor monitor, DateTime nowUtc, string? note = null) =>
        Step(WorkItemAction.Escalate, monitor, nowUtc, note, change: () => RemindedAtUtc = nowUtc);

    // ---- The one path ----------------------------------------------------------------------------------------------

    private string? Step(WorkItemAction action, StepActor actor, DateTime nowUtc, string? note, Satisfaction? rating = null,
        Func<string?>? check = null, Action? change = null, bool noteRequired = false, IEnumerable<Attachment>? attachments = null)
    {
        var next = WorkItemWorkflow.Apply(Status, action, rating);
        if (!next.Allowed) return next.ErrorCode;
        if (noteRequired && string.IsNullOrWhiteSpace(note)) return WorkItemRefusals.NoteRequired;
        if (check?.Invoke() is { } refusal) return refusal;

        var from = Status;
        Apply(action, nowUtc, rating);
        change?.Invoke();
        var step = new WorkItemEvent
        {
            WorkItemId = Id, Action = action, FromStatus = from, ToStatus = Status, ActorUserId = actor.UserId, ActorName = NameOf(actor),
            AtUtc = nowUtc, Note = string.IsNullOrWhiteSpace(note) ? null : note, Rating = rating, IsAutomatic = actor.IsAutomatic,
        };
        if (attachments is not null) step.Attachments.AddRange(attachments);
        Events.Add(step);
        Raise(new WorkItemStepped(Id, CommunityId, Kind, Status, action));
        return null;
    }

    /// <summary>A step every new item of the kind allows (the factories' triage and dispatch); a refusal is a bug.</summary>
    private void Settled(WorkItemAction action, StepActor actor, DateTime nowUtc)
    {
        if (Step(action, actor, nowUtc, null) is { } refused)
            throw new InvalidOperationException($"A new {Kind} refused {action}: {refused}");
    }

    private void Raised() => Raise(new WorkItemStepped(Id, CommunityId, Kind, Status, null));

    private static string NameOf(StepActor actor) => Truncate(actor.Name, NameMaxLength);

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
