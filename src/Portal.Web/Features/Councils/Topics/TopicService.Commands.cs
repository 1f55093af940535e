using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Councils;
using Portal.Domain.Text;
using Portal.Web.Data;
using Portal.Web.Kit.Callers;
using Portal.Web.Features.Localization;

namespace Portal.Web.Features.Councils.Topics;

/// <summary>One agenda line the chair picks: an accepted topic and its time box.</summary>
public sealed record AgendaPick(int TopicId, int Minutes);

/// <summary>The changing operations: submit, screen, withdraw/resubmit, confirm/reopen the agenda, request and answer ad-hoc meetings.</summary>
public sealed partial class TopicService
{
    private TopicResult NotFound() => TopicResult.Of(TopicOutcome.NotFound, text["Error.NotFound"]);
    private TopicResult Forbidden() => TopicResult.Of(TopicOutcome.Forbidden, text["Error.Forbidden"]);
    private TopicResult Conflict() => TopicResult.Of(TopicOutcome.Conflict, text["Error.Conflict"]);

    /// <summary>Loads the caller, the meeting (tracked, with its agenda items) and the caller's rights; null when not viewable.</summary>
    private static async Task<(Caller Caller, MeetingAccess Access, Meeting Tracked)?> LoadForChangeAsync(
        PortalDbContext db, CallerScope callers, int meetingId, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        var access = await CouncilAccess.LoadMeetingAsync(db, caller, meetingId, ct, tracked: true);
        return access is null ? null : (caller, access, access.Meeting);
    }

    /// <summary>
    /// Loads a topic (tracked), the caller and their rights in its meeting; null when the topic does not exist or the caller
    /// does not take part in its meeting (both reported as not found).
    /// </summary>
    private static async Task<(Topic Topic, Caller Caller, MeetingAccess Access)?> LoadTopicForChangeAsync(
        PortalDbContext db, CallerScope callers, int topicId, CancellationToken ct)
    {
        var topic = await db.Topics.SingleOrDefaultAsync(t => t.Id == topicId, ct);
        if (topic is null) return null;
        var caller = await callers.GetAsync(ct);
        var access = await CouncilAccess.LoadMeetingAsync(db, caller, topic.MeetingId, ct);
        return access is { Rights.CanParticipate: true } ? (topic, caller, access) : null;
    }

    // ---- Submission ---------------------------------------------------------------------------------------------

    /// <summary>Submits a topic for the meeting for a member unit the caller may speak for. Returns the topic's id.</summary>
    public async Task<TopicResult> SubmitAsync(int meetingId, TopicForm form, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await callers.GetAsync(ct);
        var access = await CouncilAccess.LoadMeetingAsync(db, caller, meetingId, ct);
        if (access is null) return NotFound();
        var (council, meeting, _) = access;
        var day = CouncilAccess.DayOf(meeting);
        var actable = ActableUnits(caller, council, day);
        // One unit to speak for needs no choice.
        var unitId = form.UnitId ?? (actable.Count == 1 ? actable[0] : null);
        var errors = new Dictionary<string, string>();
        if (unitId is null)
        {
            if (actable.Count == 0 && !CouncilAccess.CanManage(caller.Policy, council) && caller.LiaisonUnits.Count == 0)
                return Forbidden();
            errors[TopicFields.Unit] = actable.Count == 0 ? codes[TopicRules.ErrorNotMemberUnit] : text["Validation.UnitRequired"];
        }
        else if (!MaySpeakFor(caller, council, unitId.Value)) return Forbidden();

        // Checked as stored (TopicRules checks the title the same way): invisible characters only are nothing.
        var title = UserText.SingleLine(form.Title);
        var description = UserText.MultiLineTrimmed(form.Description);
        if (description.Length > Topic.DescriptionMaxLength) errors[TopicFields.Description] = text["Validation.DescriptionTooLong", Topic.DescriptionMaxLength];
        var members = CouncilRoster.MemberUnitsOn(council.Members, day);
        foreach (var code in TopicRules.CheckSubmission(meeting, unitId ?? 0, members, council.TopicDeadlineDays, title, form.Minutes, Now, PortalTime.Zone))
        {
            var field = code switch
            {
                TopicRules.ErrorNotMemberUnit => TopicFields.Unit,
                TopicRules.ErrorTitleRequired => TopicFields.Title,
                TopicRules.ErrorMinutes => TopicFields.Minutes,
                _ => TopicResult.FormError,
            };
            errors.TryAdd(field, codes[code]);
        }
        if (form.WorkItemId is { } itemId)
        {
            // Only an item the caller can see on the lists (their own visibility rules), of a linkable kind.
            var item = await db.WorkItems.AsNoTracking().Where(w => w.Id == itemId).Where(WorkItemAccess.Visible(ViewerOf(caller)))
                .Select(w => new { w.Kind, w.CommunityId }).FirstOrDefaultAsync(ct);
            if (item is null || !LinkableKinds.Contains(item.Kind) || (council.CommunityId is { } community && item.CommunityId != community))
                errors[TopicFields.Link] = text["Validation.LinkInvalid"];
        }
        if (errors.Count > 0) return TopicResult.Invalid(errors);

        var topic = new Topic
        {
            MeetingId = meeting.Id, ProposerUnitId = unitId!.Value, ProposedByUserId = caller.UserId, Title = title,
            DescriptionMarkdown = description, WorkItemId = form.WorkItemId, ProposedMinutes = form.Minutes, SubmittedAtUtc = Now,
        };
        db.Topics.Add(topic);
        await db.SaveChangesAsync(ct);
        return TopicResult.Saved(topic.Id);
    }

    // ---- Screening, withdrawal, resubmission --------------------------------------------------------------------

    /// <summary>
    /// Screens a topic: accept, merge into <paramref name="targetTopicId"/> or defer (both with a reason the proposer sees)
    /// by those who steer the meeting; withdraw also by the proposer's side. Refused once the agenda is confirmed.
    /// </summary>
    public async Task<TopicResult> ScreenAsync(int topicId, Guid version, TopicAction action, string? reason = null, int? targetTopicId = null,
        CancellationToken ct = default)
    {
        if (action is not (TopicAction.Accept or TopicAction.Merge or TopicAction.Defer or TopicAction.Withdraw)) return Forbidden();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await LoadTopicForChangeAsync(db, callers, topicId, ct) is not { } loaded) return NotFound();
        var (topic, caller, access) = loaded;
        var (council, meeting, rights) = access;
        var proposerWithdraws = action == TopicAction.Withdraw && IsProposerSide(caller, council, topic);
        if (!rights.CanSteer && !proposerWithdraws) return Forbidden();
        if (topic.Version != version) return Conflict();
        // A deferred topic may still be withdrawn after its meeting's agenda is fixed; screening stops there.
        if (!TopicRules.CanScreen(meeting) && !(action == TopicAction.Withdraw && topic.Status == TopicStatus.Deferred))
            return TopicResult.Of(TopicOutcome.Invalid, codes[TopicRules.ErrorMeetingClosedForTopics]);

        Topic? target = null;
        if (action == TopicAction.Merge)
        {
            target = targetTopicId is { } tid ? await db.Topics.SingleOrDefaultAsync(t => t.Id == tid, ct) : null;
            if (target is null) return TopicResult.Of(TopicOutcome.Invalid, codes[TopicScreening.MergeTargetInvalid], TopicFields.Target);
        }
        var error = topic.Apply(action, Now, reason, target);
        if (error is not null)
        {
            var field = error switch
            {
                TopicScreening.ReasonRequired => TopicFields.Reason,
                TopicScreening.MergeTargetInvalid => TopicFields.Target,
                _ => TopicResult.FormError,
            };
            return TopicResult.Of(TopicOutcome.Invalid, codes[error], field);
        }
        if (!await db.SaveAtVersionAsync(topic, version, ct)) return Conflict();
        return TopicResult.Saved(topic.Id);
    }

    /// <summary>The proposer's side resubmits a deferred topic for a later meeting still collecting topics.</summary>
    public async Task<TopicResult> ResubmitAsync(int topicId, Guid version, int newMeetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await LoadTopicForChangeAsync(db, callers, topicId, ct) is not { } loaded) return NotFound();
        var (topic, caller, access) = loaded;
        if (!IsProposerSide(caller, access.Council, topic)) return Forbidden();
        if (topic.Version != version) return Conflict();
        var target = await CouncilAccess.LoadMeetingAsync(db, caller, newMeetingId, ct);
        if (target is null || target.Council.Id != access.Council.Id)
            return TopicResult.Of(TopicOutcome.Invalid, codes[TopicScreening.MeetingRequired], TopicFields.Meeting);
        // The new meeting's own collection rules apply: still open, and the unit sits on the council that day.
        var members = CouncilRoster.MemberUnitsOn(target.Council.Members, CouncilAccess.DayOf(target.Meeting));
        var errors = TopicRules.CheckSubmission(target.Meeting, topic.ProposerUnitId, members, target.Council.TopicDeadlineDays, topic.Title,
            topic.ProposedMinutes, Now, PortalTime.Zone);
        if (errors.Count > 0) return TopicResult.Of(TopicOutcome.Invalid, codes[errors[0]], TopicFields.Meeting);
        var error = topic.Apply(TopicAction.Resubmit, Now, newMeetingId: newMeetingId);
        if (error is not null) return TopicResult.Of(TopicOutcome.Invalid, codes[error], TopicFields.Meeting);
        if (!await db.SaveAtVersionAsync(topic, version, ct)) return Conflict();
        return TopicResult.Saved(topic.Id);
    }

    // ---- Agenda -------------------------------------------------------------------------------------------------

    /// <summary>
    /// Confirms the agenda: the accepted topics in the given order with their time boxes become the meeting's agenda items
    /// and the meeting moves to AgendaConfirmed; then the meeting's live channel hears the new status and everyone sitting is notified.
    /// </summary>
    public async Task<TopicResult> ConfirmAgendaAsync(int meetingId, Guid meetingVersion, IReadOnlyList<AgendaPick> picks, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await LoadForChangeAsync(db, callers, meetingId, ct);
        if (loaded is null) return NotFound();
        var (caller, access, meeting) = loaded.Value;
        if (!access.Rights.CanSteer) return Forbidden();
        if (meeting.Version != meetingVersion) return Conflict();
        if (picks.Any(p => p.Minutes is < 1 or > TopicRules.MinutesMax))
            return TopicResult.Of(TopicOutcome.Invalid, codes[TopicRules.ErrorMinutes], TopicFields.Agenda);
        var topics = await db.Topics.AsNoTracking().Where(t => t.MeetingId == meetingId).ToListAsync(ct);
        var now = Now;
        var (lines, error) = TopicRules.ConfirmAgenda(meeting, picks.Select(p => p.TopicId).ToList(), topics, now);
        if (error is not null) return TopicResult.Of(TopicOutcome.Invalid, codes[error], TopicFields.Agenda);
        // The chair's time boxes replace the proposers' asked-for minutes.
        var minutes = picks.ToDictionary(p => p.TopicId, p => p.Minutes);
        lines = lines.Select(l => l with { TimeBoxMinutes = minutes[l.TopicId] }).ToList();
        error = meeting.ConfirmAgenda(lines, now);
        if (error is not null) return TopicResult.Of(TopicOutcome.Invalid, codes[error], TopicFields.Agenda);
        if (!await db.SaveAtVersionAsync(meeting, meetingVersion, ct)) return Conflict();
        return TopicResult.Saved(meeting.Id);
    }

    /// <summary>Reopens a confirmed agenda before the meeting (a late urgent topic): back to Scheduled, screening possible again.</summary>
    public async Task<TopicResult> ReopenAgendaAsync(int meetingId, Guid meetingVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await LoadForChangeAsync(db, callers, meetingId, ct);
        if (loaded is null) return NotFound();
        var (_, access, meeting) = loaded.Value;
        if (!access.Rights.CanSteer) return Forbidden();
        if (meeting.Version != meetingVersion) return Conflict();
        if (Now >= meeting.StartsAtUtc) return TopicResult.Of(TopicOutcome.Invalid, codes[TopicRules.ErrorMeetingStarted]);
        var result = meeting.Apply(MeetingAction.ReopenAgenda, Now);
        if (!result.Allowed) return TopicResult.Of(TopicOutcome.Invalid, codes[result.ErrorCode!]);
        if (!await db.SaveAtVersionAsync(meeting, meetingVersion, ct)) return Conflict();
        return TopicResult.Saved(meeting.Id);
    }

    // ---- Ad-hoc requests ----------------------------------------------------------------------------------------

    /// <summary>
    /// A member unit (its liaison, or a manager on its behalf) asks for an ad-hoc meeting with at least one topic: a Requested
    /// meeting with its Submitted topics; the council's managers are notified. The request's reason is the topics' description
    /// (the meeting has no column of its own for it). Returns the meeting's id.
    /// </summary>
    public async Task<TopicResult> RequestAsync(int councilId, AdHocRequestForm form, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await callers.GetAsync(ct);
        if (!caller.IsSignedIn) return NotFound();
        var council = await db.Councils.AsNoTracking().Include(c => c.Members).SingleOrDefaultAsync(c => c.Id == councilId, ct);
        if (council is null || !CouncilAccess.CanView(caller.Policy, council)) return NotFound();
        var now = Now;
        var actable = ActableUnits(caller, council, DateOnly.FromDateTime(PortalTime.ToLocal(now)));
        var unitId = form.UnitId ?? (actable.Count == 1 ? actable[0] : null);
        if (unitId is { } u && !MaySpeakFor(caller, council, u)) return Forbidden();
        if (unitId is null && actable.Count == 0 && !CouncilAccess.CanManage(caller.Policy, council)
            && caller.LiaisonUnits.Count == 0) return Forbidden();

        var errors = new Dictionary<string, string>();
        if (unitId is null) errors[TopicFields.Unit] = text["Validation.UnitRequired"];
        // Checked as stored: a title, reason or topic row of invisible characters only is empty.
        var title = UserText.SingleLine(form.Title);
        if (title.Length is 0 or > Meeting.TitleMaxLength) errors[TopicFields.Title] = text["Validation.MeetingTitle", Meeting.TitleMaxLength];
        var reason = UserText.MultiLineTrimmed(form.Reason);
        if (reason.Length is 0 or > Meeting.ReasonMaxLength) errors[TopicFields.Reason] = text["Validation.RequestReason", Meeting.ReasonMaxLength];
        if (form.StartsLocal is null) errors[TopicFields.Start] = text["Validation.StartRequired"];
        // Rows left empty on the form are no topics.
        var rows = form.Topics.Select((t, i) => (Index: i, Title: UserText.SingleLine(t.Title), t.Minutes)).Where(r => r.Title.Length > 0).ToList();
        foreach (var row in rows)
        {
            if (row.Title.Length > Topic.TitleMaxLength) errors[$"{TopicFields.Topics}.{row.Index}"] = codes[TopicRules.ErrorTitleRequired];
            else if (row.Minutes is < 1 or > TopicRules.MinutesMax) errors[$"{TopicFields.Topics}.{row.Index}"] = codes[TopicRules.ErrorMinutes];
        }
        var startUtc = form.StartsLocal is { } local ? ToUtc(local) : now;
        var members = CouncilRoster.MemberUnitsOn(council.Members, DateOnly.FromDateTime(PortalTime.ToLocal(startUtc)));
        foreach (var code in MeetingCalendar.ValidateAdHocRequest(unitId ?? 0, members, startUtc, form.DurationMinutes, rows.Count, now))
        {
            var field = code switch
            {
                MeetingCalendar.ErrorNotMember => TopicFields.Unit,
                MeetingCalendar.ErrorInPast => TopicFields.Start,
                MeetingCalendar.ErrorDuration => TopicFields.Duration,
                MeetingCalendar.ErrorTopicsRequired => TopicFields.Topics,
                _ => TopicResult.FormError,
            };
            // "Unit required" already says what to do; "no start" is not also "in the past".
            if (field == TopicFields.Unit && unitId is null) continue;
            if (field == TopicFields.Start && form.StartsLocal is null) continue;
            errors.TryAdd(field, codes[code]);
        }
        if (errors.Count > 0) return TopicResult.Invalid(errors);

        var meeting = MeetingCalendar.RequestAdHoc(council.Id, unitId!.Value, title, startUtc, form.DurationMinutes, now);
        var day = CouncilAccess.DayOf(meeting);
        meeting.ChairPersonId = await RegularMeetings.ChairOfAsync(db, council, day, ct);
        meeting.RecorderPersonId = CouncilRoster.Holding(council.Members, CouncilRole.Recorder, day).FirstOrDefault()?.PersonId;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(ct);
            db.Topics.AddRange(rows.Select(r => Topic.RequestedWith(meeting.Id, unitId.Value, caller.UserId, r.Title, reason, r.Minutes, now)));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return TopicResult.Saved(meeting.Id);
    }

    /// <summary>A manager confirms a requested meeting, at the proposed or another time (China local as typed).</summary>
    public async Task<TopicResult> ConfirmRequestAsync(int meetingId, Guid meetingVersion, DateTime? startsLocal, int durationMinutes, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await LoadForChangeAsync(db, callers, meetingId, ct);
        if (loaded is null) return NotFound();
        var (caller, access, meeting) = loaded.Value;
        if (!access.Rights.CanManage) return Forbidden();
        if (meeting.Version != meetingVersion) return Conflict();
        if (startsLocal is null) return TopicResult.Of(TopicOutcome.Invalid, text["Validation.StartRequired"], TopicFields.Start);
        var result = MeetingCalendar.ConfirmAdHoc(meeting, ToUtc(startsLocal.Value), durationMinutes, Now);
        if (!result.Allowed)
        {
            var field = result.ErrorCode switch
            {
                MeetingCalendar.ErrorInPast => TopicFields.Start,
                MeetingCalendar.ErrorDuration => TopicFields.Duration,
                _ => TopicResult.FormError,
            };
            return TopicResult.Of(TopicOutcome.Invalid, codes[result.ErrorCode!], field);
        }
        if (!await db.SaveAtVersionAsync(meeting, meetingVersion, ct)) return Conflict();
        return TopicResult.Saved(meeting.Id);
    }

    /// <summary>A manager declines a requested meeting with a reason the requesting unit is told.</summary>
    public async Task<TopicResult> DeclineRequestAsync(int meetingId, Guid meetingVersion, string? reason, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await LoadForChangeAsync(db, callers, meetingId, ct);
        if (loaded is null) return NotFound();
        var (caller, access, meeting) = loaded.Value;
        if (!access.Rights.CanManage) return Forbidden();
        if (meeting.Version != meetingVersion) return Conflict();
        var result = meeting.Apply(MeetingAction.Decline, Now, reason);
        if (!result.Allowed)
            return TopicResult.Of(TopicOutcome.Invalid, codes[result.ErrorCode!],
                result.ErrorCode == MeetingWorkflow.ReasonRequired ? TopicFields.Reason : TopicResult.FormError);
        if (!await db.SaveAtVersionAsync(meeting, meetingVersion, ct)) return Conflict();
        return TopicResult.Saved(meeting.Id);
    }
}
