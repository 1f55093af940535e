using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Councils;
using Portal.Domain.WorkItems;
using Portal.Domain.WorkItems.Kinds;
using Portal.Web.Data;
using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Commands;
using Portal.Web.Components.Shared;
using Portal.Web.Kit.Live;
using Portal.Web.Features.Localization;

namespace Portal.Web.Features.Councils.Topics;

/// <summary>
/// Topic collection (议题征集) before a meeting, screening by the secretariat, the chair's agenda confirmation, and ad-hoc
/// meeting requests by member units with the community's answer. Rights come from <see cref="CouncilAccess"/> only:
/// screening and the agenda need CanSteer, deciding a request CanManage; a topic or request is made by a liaison account
/// for its own member unit or by a manager for any member unit. A meeting or council the caller may not view is reported
/// exactly like one that does not exist. Every refusal changes nothing; stale versions are refused. Scoped.
/// </summary>
public sealed partial class TopicService(
    IDbContextFactory<PortalDbContext> dbFactory,
    CallerScope callers,
    UnitOfWork work,
    TimeProvider clock)
{
    /// <summary>How many needs and how many projects the link picker offers (the newest the caller can see).</summary>
    public const int LinkOptionsPerKind = 50;

    /// <summary>The kinds of work item a topic may link to (resources live in their own table; see the report).</summary>
    public static readonly WorkItemKind[] LinkableKinds = [.. WorkItemKinds.LinkableToCouncilTopic];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    // ---- Rights helpers -----------------------------------------------------------------------------------------

    /// <summary>The member units (sitting that day) the caller may act for: all of them for a manager, else those they are liaison of.</summary>
    private static List<int> ActableUnits(Caller caller, Council council, DateOnly day)
    {
        var members = CouncilRoster.MemberUnitsOn(council.Members, day);
        if (CouncilAccess.CanManage(caller.Policy, council)) return [.. members];
        var liaisonOf = caller.LiaisonUnits;
        return members.Where(liaisonOf.Contains).ToList();
    }

    /// <summary>Whether the caller may speak for the unit at all (its liaison, or a manager of the council).</summary>
    private static bool MaySpeakFor(Caller caller, Council council, int unitId) =>
        CouncilAccess.CanManage(caller.Policy, council) || caller.LiaisonUnits.Contains(unitId);

    /// <summary>The proposer's side of a topic: the submitting account, the proposer unit's liaisons, and managers on their word.</summary>
    private static bool IsProposerSide(Caller caller, Council council, Topic topic) =>
        IsOwnTopic(caller, topic) || CouncilAccess.CanManage(caller.Policy, council);

    /// <summary>The caller submitted it or is a liaison of its unit (the page shows such topics as "ours").</summary>
    private static bool IsOwnTopic(Caller caller, Topic topic) =>
        (caller.UserId is not null && topic.ProposedByUserId == caller.UserId) || caller.LiaisonUnits.Contains(topic.ProposerUnitId);

    private static bool CollectionOpen(Meeting meeting, Council council, DateTime nowUtc) => meeting.Status switch
    {
        MeetingStatus.Requested => true,
        MeetingStatus.Scheduled => nowUtc < TopicRules.SubmissionDeadlineUtc(meeting.StartsAtUtc, council.TopicDeadlineDays, PortalTime.Zone),
        _ => false,
    };

    private static DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), PortalTime.Zone);

    // ---- Queries ------------------------------------------------------------------------------------------------

    /// <summary>The topics page of a meeting; null when it does not exist or the caller may not view its council.</summary>
    public async Task<MeetingTopicsModel?> GetAsync(int meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await callers.GetAsync(ct);
        var access = await CouncilAccess.LoadMeetingAsync(db, caller, meetingId, ct);
        if (access is null) return null;
        var (council, meeting, rights) = access;
        var now = Now;
        var day = CouncilAccess.DayOf(meeting);
        var canScreenNow = TopicRules.CanScreen(meeting);

        var actable = ActableUnits(caller, council, day);
        var open = CollectionOpen(meeting, council, now);
        // Topics in screening are the council's own business: members and liaisons see them, residents only the agenda.
        var topics = rights.CanParticipate
            ? await db.Topics.AsNoTracking().Where(t => t.MeetingId == meetingId).OrderBy(t => t.SubmittedAtUtc).ThenBy(t => t.Id).ToListAsync(ct)
            : [];
        var unitIds = topics.Select(t => t.ProposerUnitId).Concat(actable).Append(meeting.RequestedByUnitId ?? 0).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var itemIds = topics.Select(t => t.WorkItemId).OfType<int>().Distinct().ToList();
        var items = await db.WorkItems.AsNoTracking().Where(w => itemIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Title, ct);
        var byId = topics.ToDictionary(t => t.Id);

        var later = topics.Any(t => t.Status == TopicStatus.Deferred) ? await LaterMeetingsAsync(db, council, meeting.Id, now, ct) : [];

        IReadOnlyList<TopicAction> ActionsFor(Topic t)
        {
            var actions = new List<TopicAction>();
            var screenable = t.Status is TopicStatus.Submitted or TopicStatus.Accepted;
            if (rights.CanSteer && canScreenNow && screenable) actions.AddRange(TopicScreening.ActionsIn(t.Status));
            if (IsProposerSide(caller, council, t))
            {
                if (TopicScreening.IsAllowed(t.Status, TopicAction.Withdraw) && (canScreenNow || !screenable) && !actions.Contains(TopicAction.Withdraw))
                    actions.Add(TopicAction.Withdraw);
                if (t.Status == TopicStatus.Deferred && later.Count > 0) actions.Add(TopicAction.Resubmit);
            }
            return actions;
        }

        var views = topics.Select(t => new TopicView(
            t.Id, t.Version, t.Title, SafeMarkdown.ToHtml(t.DescriptionMarkdown), t.ProposedMinutes, t.Status, t.ProposerUnitId,
            units.GetValueOrDefault(t.ProposerUnitId, ""), t.WorkItemId, t.WorkItemId is { } w ? items.GetValueOrDefault(w) : null,
            t.ScreeningReason, t.MergedIntoTopicId is { } m && byId.TryGetValue(m, out var target) ? target.Title : null,
            t.SubmittedAtUtc, IsOwnTopic(caller, t), ActionsFor(t))).ToList();

        var beforeStart = now < meeting.StartsAtUtc;
        var pageRights = new TopicPageRights(
            CanSeeTopics: rights.CanParticipate,
            CanSubmit: open && actable.Count > 0,
            CanScreen: rights.CanSteer && canScreenNow,
            CanConfirmAgenda: rights.CanSteer && meeting.Status == MeetingStatus.Scheduled && beforeStart,
            CanReopenAgenda: rights.CanSteer && meeting.Status == MeetingStatus.AgendaConfirmed && beforeStart,
            CanDecideRequest: rights.CanManage && meeting.Status == MeetingStatus.Requested);

        return new MeetingTopicsModel(
            meeting.Id, meeting.Version, council.Id, council.Name, meeting.Title, meeting.Kind, meeting.Status, meeting.StartsAtUtc, meeting.EndsAtUtc,
            meeting.Location ?? council.DefaultLocation,
            meeting.Status == MeetingStatus.Requested ? null : TopicRules.LastSubmissionDay(meeting.StartsAtUtc, council.TopicDeadlineDays, PortalTime.Zone),
            open, meeting.RequestedByUnitId is { } ru ? units.GetValueOrDefault(ru) : null, meeting.ProposedStartsAtUtc, meeting.DecisionReason,
            pageRights,
            actable.Select(u => new UnitOption(u, units.GetValueOrDefault(u, ""))).OrderBy(u => u.Name, StringComparer.Ordinal).ToList(),
            views,
            meeting.AgendaItems.OrderBy(i => i.Position).Select(i => new AgendaLineView(i.Number, i.Title, i.TimeBoxMinutes, i.TopicId)).ToList(),
            later);
    }

    /// <summary>Scheduled meetings of the council still collecting topics, other than <paramref name="exceptId"/>, soonest first.</summary>
    private static async Task<List<MeetingOption>> LaterMeetingsAsync(PortalDbContext db, Council council, int exceptId, DateTime now, CancellationToken ct)
    {
        var candidates = await db.Meetings.AsNoTracking()
            .Where(m => m.CouncilId == council.Id && m.Id != exceptId && m.Status == MeetingStatus.Scheduled && m.StartsAtUtc > now)
            .OrderBy(m => m.StartsAtUtc).Take(24).ToListAsync(ct);
        return candidates.Where(m => CollectionOpen(m, council, now)).Select(m => new MeetingOption(m.Id, m.Title, m.StartsAtUtc)).ToList();
    }

    /// <summary>The needs and projects of the council's community the caller can see (the lists' own visibility), newest first.</summary>
    public async Task<IReadOnlyList<LinkOption>> LinkOptionsAsync(int meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await callers.GetAsync(ct);
        var access = await CouncilAccess.LoadMeetingAsync(db, caller, meetingId, ct);
        if (access is null || !access.Rights.CanParticipate) return [];
        var community = access.Council.CommunityId;
        var options = new List<LinkOption>();
        foreach (var kind in LinkableKinds)
        {
            var items = db.WorkItems.AsNoTracking().Where(WorkItemAccess.WorkList(ViewerOf(caller))).Where(w => w.Kind == kind);
            if (community is { } c) items = items.Where(w => w.CommunityId == c);
            options.AddRange(await items.OrderByDescending(w => w.RaisedAtUtc).ThenByDescending(w => w.Id).Take(LinkOptionsPerKind)
                .Select(w => new LinkOption(w.Id, w.Kind, w.Title)).ToListAsync(ct));
        }
        return options;
    }

    /// <summary>Who the caller is to the lists: what they see of the work items is the lists' own rule (<see cref="WorkItemAccess"/>).</summary>
    private static WorkItemViewer ViewerOf(Caller caller) => WorkItemViewer.Of(caller);

    /// <summary>The council page's topic links; null when the council does not exist or the caller may not view it.</summary>
    public async Task<CouncilTopicLinks?> CouncilLinksAsync(int councilId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await callers.GetAsync(ct);
        if (!caller.IsSignedIn) return null;
        var council = await db.Councils.AsNoTracking().Include(c => c.Members).SingleOrDefaultAsync(c => c.Id == councilId, ct);
        if (council is null || !CouncilAccess.CanView(caller.Policy, council)) return null;
        var now = Now;
        var upcoming = await db.Meetings.AsNoTracking()
            .Where(m => m.CouncilId == councilId && m.StartsAtUtc > now && (m.Status == MeetingStatus.Scheduled || m.Status == MeetingStatus.Requested))
            .OrderBy(m => m.StartsAtUtc).ToListAsync(ct);
        var next = upcoming.FirstOrDefault(m => m.Status == MeetingStatus.Scheduled && CollectionOpen(m, council, now));
        var today = DateOnly.FromDateTime(PortalTime.ToLocal(now));
        var canSubmit = next is not null && ActableUnits(caller, council, CouncilAccess.DayOf(next)).Count > 0;
        var canRequest = ActableUnits(caller, council, today).Count > 0;
        IReadOnlyList<RequestedMeetingRow> requested = [];
        if (CouncilAccess.CanManage(caller.Policy, council))
        {
            var open = upcoming.Where(m => m.Status == MeetingStatus.Requested).ToList();
            var unitIds = open.Select(m => m.RequestedByUnitId).OfType<int>().ToList();
            var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
            requested = open.Select(m => new RequestedMeetingRow(m.Id, m.Title, m.RequestedByUnitId is { } u ? names.GetValueOrDefault(u) : null, m.StartsAtUtc)).ToList();
        }
        return new CouncilTopicLinks(next?.Id,
            next is null ? null : TopicRules.LastSubmissionDay(next.StartsAtUtc, council.TopicDeadlineDays, PortalTime.Zone),
            canSubmit, canRequest, requested);
    }

    /// <summary>The request form's council and units; null when the council does not exist or the caller may not view it.</summary>
    public async Task<AdHocRequestOptions?> RequestOptionsAsync(int councilId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await callers.GetAsync(ct);
        if (!caller.IsSignedIn) return null;
        var council = await db.Councils.AsNoTracking().Include(c => c.Members).SingleOrDefaultAsync(c => c.Id == councilId, ct);
        if (council is null || !CouncilAccess.CanView(caller.Policy, council)) return null;
        var unitIds = ActableUnits(caller, council, DateOnly.FromDateTime(PortalTime.ToLocal(Now)));
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).OrderBy(u => u.Name)
            .Select(u => new UnitOption(u.Id, u.Name)).ToListAsync(ct);
        return new AdHocRequestOptions(council.Id, council.Name, units);
    }
}
