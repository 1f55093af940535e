using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Councils;
using Portal.Domain.Text;
using Portal.Web.Data;
using Portal.Web.Kit.Commands;
using Portal.Web.Kit.Results;
using Portal.Web.Features.Localization;

namespace Portal.Web.Features.Councils.Topics;

/// <summary>One agenda line the chair picks: an accepted topic and its time box.</summary>
public sealed record AgendaPick(int TopicId, int Minutes);

/// <summary>
/// The changing operations: submit, screen, withdraw/resubmit, confirm/reopen the agenda, request and answer ad-hoc
/// meetings. Each goes through the unit of work (decision 0023): caller, right, the version the caller saw, the domain
/// rule, one save with the notices its events add.
/// </summary>
public sealed partial class TopicService
{
    private static readonly CommandTexts Texts = new(Text("Error.NotFound"), Text("Error.Conflict"));

    private static Message Text(string key, params object[] args) => Message.Of<TopicsText>(key, args);

    /// <summary>A domain rule's error code (the council area's resource key).</summary>
    private static Message Code(string code) => Message.Of<CouncilsText>(code);

    private static Result NotFound() => Result.NotFound(Texts.NotFound);

    private static Result Forbidden() => Result.NotAllowed(Text("Error.Forbidden"));

    private static Result Invalid(Dictionary<string, Message> errors) =>
        Result.Invalid(errors.Select(e => new Problem(e.Key, e.Value)).ToList());

    private static TopicState StateOf(Topic topic) => new(topic.Id, topic.Status, topic.MeetingId);

    private static MeetingState StateOf(Meeting meeting) => new(meeting.Id, meeting.Status, meeting.StartsAtUtc);

    // ---- Submission ---------------------------------------------------------------------------------------------

    /// <summary>Submits a topic for the meeting for a member unit the caller may speak for. The result's id is the topic's.</summary>
    public async Task<Result> SubmitAsync(int meetingId, TopicForm form, CancellationToken ct = default)
    {
        var caller = await work.CallerAsync(ct);
        Topic topic;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var access = await CouncilAccess.LoadMeetingAsync(db, caller, meetingId, ct);
            if (access is null) return NotFound();
            var (council, meeting, _) = access;
            var day = CouncilAccess.DayOf(meeting);
            var actable = ActableUnits(caller, council, day);
            // One unit to speak for needs no choice.
            var unitId = form.UnitId ?? (actable.Count == 1 ? actable[0] : null);
            var errors = new Dictionary<string, Message>();
            if (unitId is null)
            {
                if (actable.Count == 0 && !CouncilAccess.CanManage(caller.Policy, council) && caller.LiaisonUnits.Count == 0)
                    return Forbidden();
                errors[TopicFields.Unit] = actable.Count == 0 ? Code(TopicRules.ErrorNotMemberUnit) : Text("Validation.UnitRequired");
            }
            else if (!MaySpeakFor(caller, council, unitId.Value)) return Forbidden();

            // Checked as stored (TopicRules checks the title the same way): invisible characters only are nothing.
            var title = UserText.SingleLine(form.Title);
            var description = UserText.MultiLineTrimmed(form.Description);
            if (description.Length > Topic.DescriptionMaxLength) errors[TopicFields.Description] = Text("Validation.DescriptionTooLong", Topic.DescriptionMaxLength);
            var members = CouncilRoster.MemberUnitsOn(council.Members, day);
            foreach (var code in TopicRules.CheckSubmission(meeting, unitId ?? 0, members, council.TopicDeadlineDays, title, form.Minutes, Now, PortalTime.Zone))
            {
                var field = code switch
                {
                    TopicRules.ErrorNotMemberUnit => TopicFields.Unit,
                    TopicRules.ErrorTitleRequired => TopicFields.Title,
                    TopicRules.ErrorMinutes => TopicFields.Minutes,
                    _ => Problem.Form,
                };
                errors.TryAdd(field, Code(code));
            }
            if (form.WorkItemId is { } itemId)
            {
                // Only an item the caller can see on the lists (their own visibility rules), of a linkable kind.
                var item = await db.WorkItems.AsNoTracking().Where(w => w.Id == itemId).Where(WorkItemAccess.Visible(ViewerOf(caller)))
                    .Select(w => new { w.Kind, w.CommunityId }).FirstOrDefaultAsync(ct);
                if (item is null || !LinkableKinds.Contains(item.Kind) || (council.CommunityId is { } community && item.CommunityId != community))
                    errors[TopicFields.Link] = Text("Validation.LinkInvalid");
            }
            if (errors.Count > 0) return Invalid(errors);

            topic = new Topic
            {
                MeetingId = meeting.Id, ProposerUnitId = unitId!.Value, ProposedByUserId = caller.UserId, Title = title,
                DescriptionMarkdown = description, WorkItemId = form.WorkItemId, ProposedMinutes = form.Minutes, SubmittedAtUtc = Now,
            };
        }
        // The checks above are the right and the rule; what is left is the one save.
        return await work.AddAsync<Topic, TopicState>(allow: _ => null, create: _ => Result<Topic>.Ok(topic), ct: ct);
    }

    // ---- Screening, withdrawal, resubmission --------------------------------------------------------------------

    /// <summary>
    /// A step on a topic by the caller at <paramref name="version"/>: <paramref name="allow"/> is the right it needs in the
    /// topic's meeting, <paramref name="run"/> the rule; <paramref name="load"/> reads what the rule needs beside the topic.
    /// A topic of a meeting the caller does not take part in is reported as not found.
    /// </summary>
    private async Task<Result<TopicState>> ChangeTopicAsync(int topicId, Guid version, Func<Caller, MeetingAccess, Topic, Result?> allow,
        Func<MeetingAccess, Topic, Result?> run, CancellationToken ct, Func<PortalDbContext, Caller, CancellationToken, Task>? load = null)
    {
        var caller = await work.CallerAsync(ct);
        MeetingAccess access = null!;
        return await work.ChangeAsync<Topic, TopicState>(
            async (db, c) =>
            {
                var topic = await db.Topics.SingleOrDefaultAsync(t => t.Id == topicId, c);
                if (topic is null) return null;
                if (await CouncilAccess.LoadMeetingAsync(db, caller, topic.MeetingId, c) is not { Rights.CanParticipate: true } loaded) return null;
                access = loaded;
                if (load is not null) await load(db, caller, c);
                return topic;
            },
            version,
            allow: (who, topic) => allow(who, access, topic),
            run: (_, topic, _) => run(access, topic),
            StateOf, Texts, ct: ct);
    }

    /// <summary>
    /// Screens a topic: accept, merge into <paramref name="targetTopicId"/> or defer (both with a reason the proposer sees)
    /// by those who steer the meeting; withdraw also by the proposer's side. Refused once the agenda is confirmed.
    /// </summary>
    public Task<Result<TopicState>> ScreenAsync(int topicId, Guid version, TopicAction action, string? reason = null, int? targetTopicId = null,
        CancellationToken ct = default)
    {
        if (action is not (TopicAction.Accept or TopicAction.Merge or TopicAction.Defer or TopicAction.Withdraw))
            return Task.FromResult(Result<TopicState>.From(Forbidden()));
        Topic? target = null;
        return ChangeTopicAsync(topicId, version,
            allow: (caller, access, topic) =>
                access.Rights.CanSteer || (action == TopicAction.Withdraw && IsProposerSide(caller, access.Council, topic)) ? null : Forbidden(),
            run: (access, topic) =>
            {
                // A deferred topic may still be withdrawn after its meeting's agenda is fixed; screening stops there.
                if (!TopicRules.CanScreen(access.Meeting) && !(action == TopicAction.Withdraw && topic.Status == TopicStatus.Deferred))
                    return Result.Invalid(Code(TopicRules.ErrorMeetingClosedForTopics));
                if (action == TopicAction.Merge && target is null) return Result.Invalid(TopicFields.Target, Code(TopicScreening.MergeTargetInvalid));
                return topic.Apply(action, Now, reason, target) is { } error
                    ? Result.Invalid(error switch
                    {
                        TopicScreening.ReasonRequired => TopicFields.Reason,
                        TopicScreening.MergeTargetInvalid => TopicFields.Target,
                        _ => Problem.Form,
                    }, Code(error))
                    : null;
            },
            ct,
            async (db, _, c) =>
            {
                if (action == TopicAction.Merge && targetTopicId is { } id) target = await db.Topics.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, c);
            });
    }

    /// <summary>The proposer's side resubmits a deferred topic for a later meeting still collecting topics.</summary>
    public Task<Result<TopicState>> ResubmitAsync(int topicId, Guid version, int newMeetingId, CancellationToken ct = default)
    {
        MeetingAccess? later = null;
        return ChangeTopicAsync(topicId, version,
            allow: (caller, access, topic) => IsProposerSide(caller, access.Council, topic) ? null : Forbidden(),
            run: (access, topic) =>
            {
                if (later is null || later.Council.Id != access.Council.Id)
                    return Result.Invalid(TopicFields.Meeting, Code(TopicScreening.MeetingRequired));
                // The new meeting's own collection rules apply: still open, and the unit sits on the council that day.
                var members = CouncilRoster.MemberUnitsOn(later.Council.Members, CouncilAccess.DayOf(later.Meeting));
                var errors = TopicRules.CheckSubmission(later.Meeting, topic.ProposerUnitId, members, later.Council.TopicDeadlineDays, topic.Title,
                    topic.ProposedMinutes, Now, PortalTime.Zone);
                if (errors.Count > 0) return Result.Invalid(TopicFields.Meeting, Code(errors[0]));
                return topic.Apply(TopicAction.Resubmit, Now, newMeetingId: newMeetingId) is { } error
                    ? Result.Invalid(TopicFields.Meeting, Code(error))
                    : null;
            },
            ct,
            async (db, caller, c) => later = await CouncilAccess.LoadMeetingAsync(db, caller, newMeetingId, c));
    }

    // ---- Agenda and requested meetings ---------------------------------------------------------------------------

    /// <summary>
    /// A step on the meeting itself by the caller at <paramref name="meetingVersion"/>: <paramref name="may"/> is the right
    /// it needs, <paramref name="run"/> the rule; <paramref name="load"/> reads what the rule needs beside the meeting.
    /// </summary>
    private async Task<Result<MeetingState>> ChangeMeetingAsync(int meetingId, Guid meetingVersion, Func<MeetingRights, bool> may,
        Func<Meeting, Result?> run, CancellationToken ct, Func<PortalDbContext, CancellationToken, Task>? load = null)
    {
        var caller = await work.CallerAsync(ct);
        var allowed = false;
        return await work.ChangeAsync<Meeting, MeetingState>(
            async (db, c) =>
            {
                if (await CouncilAccess.LoadMeetingAsync(db, caller, meetingId, c, tracked: true) is not { } access) return null;
                allowed = may(access.Rights);
                if (allowed && load is not null) await load(db, c);
                return access.Meeting;
            },
            meetingVersion,
            allow: (_, _) => allowed ? null : Forbidden(),
            run: (_, meeting, _) => run(meeting),
            StateOf, Texts, ct: ct);
    }

    /// <summary>
    /// Confirms the agenda: the accepted topics in the given order with their time boxes become the meeting's agenda items
    /// and the meeting moves to AgendaConfirmed; then the meeting's live channel hears the new status and everyone sitting is notified.
    /// </summary>
    public Task<Result<MeetingState>> ConfirmAgendaAsync(int meetingId, Guid meetingVersion, IReadOnlyList<AgendaPick> picks, CancellationToken ct = default)
    {
        List<Topic> topics = [];
        return ChangeMeetingAsync(meetingId, meetingVersion, rights => rights.CanSteer, meeting =>
        {
            if (picks.Any(p => p.Minutes is < 1 or > TopicRules.MinutesMax)) return Result.Invalid(TopicFields.Agenda, Code(TopicRules.ErrorMinutes));
            var now = Now;
            var (lines, error) = TopicRules.ConfirmAgenda(meeting, picks.Select(p => p.TopicId).ToList(), topics, now);
            if (error is not null) return Result.Invalid(TopicFields.Agenda, Code(error));
            // The chair's time boxes replace the proposers' asked-for minutes.
            var minutes = picks.ToDictionary(p => p.TopicId, p => p.Minutes);
            error = meeting.ConfirmAgenda(lines.Select(l => l with { TimeBoxMinutes = minutes[l.TopicId] }).ToList(), now);
            return error is null ? null : Result.Invalid(TopicFields.Agenda, Code(error));
        }, ct, async (db, c) => topics = await db.Topics.AsNoTracking().Where(t => t.MeetingId == meetingId).ToListAsync(c));
    }

    /// <summary>Reopens a confirmed agenda before the meeting (a late urgent topic): back to Scheduled, screening possible again.</summary>
    public Task<Result<MeetingState>> ReopenAgendaAsync(int meetingId, Guid meetingVersion, CancellationToken ct = default) =>
        ChangeMeetingAsync(meetingId, meetingVersion, rights => rights.CanSteer, meeting =>
        {
            if (Now >= meeting.StartsAtUtc) return Result.Invalid(Code(TopicRules.ErrorMeetingStarted));
            var result = meeting.Apply(MeetingAction.ReopenAgenda, Now);
            return result.Allowed ? null : Result.Invalid(Code(result.ErrorCode!));
        }, ct);

    // ---- Ad-hoc requests ----------------------------------------------------------------------------------------

    /// <summary>
    /// A member unit (its liaison, or a manager on its behalf) asks for an ad-hoc meeting with at least one topic: a Requested
    /// meeting with its Submitted topics; the council's managers are notified. The request's reason is the topics' description
    /// (the meeting has no column of its own for it). The result's id is the meeting's.
    /// </summary>
    public async Task<Result> RequestAsync(int councilId, AdHocRequestForm form, CancellationToken ct = default)
    {
        var caller = await work.CallerAsync(ct);
        if (!caller.IsSignedIn) return NotFound();
        Meeting meeting;
        int unitId;
        string reason;
        List<(int Index, string Title, int Minutes)> rows;
        var now = Now;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var council = await db.Councils.AsNoTracking().Include(c => c.Members).SingleOrDefaultAsync(c => c.Id == councilId, ct);
            if (council is null || !CouncilAccess.CanView(caller.Policy, council)) return NotFound();
            var actable = ActableUnits(caller, council, DateOnly.FromDateTime(PortalTime.ToLocal(now)));
            var chosen = form.UnitId ?? (actable.Count == 1 ? actable[0] : null);
            if (chosen is { } u && !MaySpeakFor(caller, council, u)) return Forbidden();
            if (chosen is null && actable.Count == 0 && !CouncilAccess.CanManage(caller.Policy, council)
                && caller.LiaisonUnits.Count == 0) return Forbidden();

            var errors = new Dictionary<string, Message>();
            if (chosen is null) errors[TopicFields.Unit] = Text("Validation.UnitRequired");
            // Checked as stored: a title, reason or topic row of invisible characters only is empty.
            var title = UserText.SingleLine(form.Title);
            if (title.Length is 0 or > Meeting.TitleMaxLength) errors[TopicFields.Title] = Text("Validation.MeetingTitle", Meeting.TitleMaxLength);
            reason = UserText.MultiLineTrimmed(form.Reason);
            if (reason.Length is 0 or > Meeting.ReasonMaxLength) errors[TopicFields.Reason] = Text("Validation.RequestReason", Meeting.ReasonMaxLength);
            if (form.StartsLocal is null) errors[TopicFields.Start] = Text("Validation.StartRequired");
            // Rows left empty on the form are no topics.
            rows = form.Topics.Select((t, i) => (Index: i, Title: UserText.SingleLine(t.Title), t.Minutes)).Where(r => r.Title.Length > 0).ToList();
            foreach (var row in rows)
            {
                if (row.Title.Length > Topic.TitleMaxLength) errors[$"{TopicFields.Topics}.{row.Index}"] = Code(TopicRules.ErrorTitleRequired);
                else if (row.Minutes is < 1 or > TopicRules.MinutesMax) errors[$"{TopicFields.Topics}.{row.Index}"] = Code(TopicRules.ErrorMinutes);
            }
            var startUtc = form.StartsLocal is { } local ? ToUtc(local) : now;
            var members = CouncilRoster.MemberUnitsOn(council.Members, DateOnly.FromDateTime(PortalTime.ToLocal(startUtc)));
            foreach (var code in MeetingCalendar.ValidateAdHocRequest(chosen ?? 0, members, startUtc, form.DurationMinutes, rows.Count, now))
            {
                var field = code switch
                {
                    MeetingCalendar.ErrorNotMember => TopicFields.Unit,
                    MeetingCalendar.ErrorInPast => TopicFields.Start,
                    MeetingCalendar.ErrorDuration => TopicFields.Duration,
                    MeetingCalendar.ErrorTopicsRequired => TopicFields.Topics,
                    _ => Problem.Form,
                };
                // "Unit required" already says what to do; "no start" is not also "in the past".
                if (field == TopicFields.Unit && chosen is null) continue;
                if (field == TopicFields.Start && form.StartsLocal is null) continue;
                errors.TryAdd(field, Code(code));
            }
            if (errors.Count > 0) return Invalid(errors);

            unitId = chosen!.Value;
            meeting = MeetingCalendar.RequestAdHoc(council.Id, unitId, title, startUtc, form.DurationMinutes, now);
            var day = CouncilAccess.DayOf(meeting);
            meeting.ChairPersonId = await RegularMeetings.ChairOfAsync(db, council, day, ct);
            meeting.RecorderPersonId = CouncilRoster.Holding(council.Members, CouncilRole.Recorder, day).FirstOrDefault()?.PersonId;
        }
        return await work.AddAsync<Meeting, MeetingState>(
            allow: _ => null,
            create: _ => Result<Meeting>.Ok(meeting),
            // The topics need the meeting's key: added in the same transaction, so a request is never stored without them.
            within: (_, added, db, _) =>
            {
                db.Topics.AddRange(rows.Select(r => Topic.RequestedWith(added.Id, unitId, caller.UserId, r.Title, reason, r.Minutes, now)));
                return Task.CompletedTask;
            },
            ct: ct);
    }

    /// <summary>A manager confirms a requested meeting, at the proposed or another time (China local as typed).</summary>
    public Task<Result<MeetingState>> ConfirmRequestAsync(int meetingId, Guid meetingVersion, DateTime? startsLocal, int durationMinutes,
        CancellationToken ct = default) =>
        ChangeMeetingAsync(meetingId, meetingVersion, rights => rights.CanManage, meeting =>
        {
            if (startsLocal is null) return Result.Invalid(TopicFields.Start, Text("Validation.StartRequired"));
            var result = MeetingCalendar.ConfirmAdHoc(meeting, ToUtc(startsLocal.Value), durationMinutes, Now);
            if (result.Allowed) return null;
            var field = result.ErrorCode switch
            {
                MeetingCalendar.ErrorInPast => TopicFields.Start,
                MeetingCalendar.ErrorDuration => TopicFields.Duration,
                _ => Problem.Form,
            };
            return Result.Invalid(field, Code(result.ErrorCode!));
        }, ct);

    /// <summary>A manager declines a requested meeting with a reason the requesting unit is told.</summary>
    public Task<Result<MeetingState>> DeclineRequestAsync(int meetingId, Guid meetingVersion, string? reason, CancellationToken ct = default) =>
        ChangeMeetingAsync(meetingId, meetingVersion, rights => rights.CanManage, meeting =>
        {
            var result = meeting.Apply(MeetingAction.Decline, Now, reason);
            return result.Allowed ? null
                : Result.Invalid(result.ErrorCode == MeetingWorkflow.ReasonRequired ? TopicFields.Reason : Problem.Form, Code(result.ErrorCode!));
        }, ct);
}
