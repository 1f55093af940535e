using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Councils;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Localization;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Councils;

/// <summary>
/// The one definition of who may do what with a council and its meetings; every council page, endpoint, hub rule and
/// service asks here.
/// <list type="bullet">
/// <item><b>View</b> a council (roster, calendar): whoever can see its community (street council: the street's
/// administrators and whoever sees one of its communities).</item>
/// <item><b>Manage</b> a council (screen topics, confirm requests, mark attendance, steer any meeting): the managers of its
/// community (or street).</item>
/// <item><b>Participate</b> in a meeting (live agenda, check in, read the meeting's live channel): managers, everyone with a
/// seat on the council that day (member, liaison of a member unit by person or by account), the meeting's chair and
/// recorder, and anyone on its attendance list. Other residents are not participants, even when they can view the council.</item>
/// <item><b>Steer</b> a meeting (set the current item, reorder, add urgent items, time-box, start and end it, mark
/// attendance): managers, the meeting's chair, and seats holding chair or secretariat posts that day.</item>
/// <item><b>Record</b> a meeting (outcomes, notes, resolutions, the minutes draft and its approval): those who steer, the
/// meeting's recorder, and seats holding the recorder post that day.</item>
/// <item><b>Read the full minutes</b> (the draft, and the approved text with who attended, who was away and why, and the
/// discussion): those who take part in the meeting — the participants above. Whoever else may view the council reads the
/// public version of approved minutes only, and no draft (<see cref="MinutesEditionFor"/>; decision 0016).</item>
/// </list>
/// </summary>
public static class CouncilAccess
{
    public static bool CanView(AccessPolicy policy, Council council) => council.CommunityId is { } community
        ? policy.CanViewCommunity(community)
        : policy.CanManageStreet(council.StreetId) || policy.VisibleStreets.Contains(council.StreetId);

    public static bool CanManage(AccessPolicy policy, Council council) => council.CommunityId is { } community
        ? policy.CanManageCommunity(community)
        : policy.CanManageStreet(council.StreetId);

    /// <summary>
    /// For a command's <c>allow</c> step: null when the caller may manage <paramref name="council"/>; else not found, as for a
    /// council that does not exist (null here), so ids cannot be probed.
    /// </summary>
    public static Result? ManagedBy(Caller caller, Council? council) =>
        caller.IsSignedIn && council is not null && CanManage(caller.Policy, council) ? null : Result.NotFound(Message.Of<CouncilsText>("Detail.NotFound"));

    /// <summary>The posts the person holds on the council that day (a person may sit for a unit and serve on the secretariat).</summary>
    public static IReadOnlyList<CouncilRole> PostsOf(Council council, int? personId, DateOnly day) => personId is not { } p
        ? []
        : council.Members.Where(m => m.IsSittingOn(day) && (m.PersonId == p || m.LiaisonPersonId == p)).Select(m => m.Role).Distinct().ToList();

    /// <summary>The meeting's local (China) day, the day whose seats count.</summary>
    public static DateOnly DayOf(Meeting meeting) => DateOnly.FromDateTime(PortalTime.ToLocal(meeting.StartsAtUtc));

    /// <summary>Requires <paramref name="council"/> with its members and <paramref name="meeting"/> with its attendances.</summary>
    public static MeetingRights RightsIn(Caller caller, Council council, Meeting meeting)
    {
        if (!caller.IsSignedIn || meeting.CouncilId != council.Id) return MeetingRights.None;
        var policy = caller.Policy;
        var day = DayOf(meeting);
        var manage = CanManage(policy, council);
        var posts = PostsOf(council, caller.PersonId, day);
        var isChair = caller.PersonId is { } p1 && meeting.ChairPersonId == p1;
        var isRecorder = caller.PersonId is { } p2 && meeting.RecorderPersonId == p2;
        var liaisonOf = policy.ScopesOf(PortalRole.UnitLiaison);
        var actsForMemberUnit = council.Members.Any(m => m.UnitId is { } u && m.IsSittingOn(day) && liaisonOf.Contains(u));
        var onAttendanceList = caller.PersonId is { } p3 && meeting.Attendances.Any(a => a.PersonId == p3);
        var steer = manage || isChair || posts.Contains(CouncilRole.Chair) || posts.Contains(CouncilRole.Secretariat);
        var record = steer || isRecorder || posts.Contains(CouncilRole.Recorder);
        var participate = record || posts.Count > 0 || actsForMemberUnit || onAttendanceList;
        return new MeetingRights(CanView(policy, council), participate, steer, record, manage);
    }

    /// <summary>
    /// Which minutes of the meeting the caller reads: the full record with <see cref="MeetingRights.CanReadFullMinutes"/> (in
    /// any status: drafts are for participants), the public version of approved minutes for anyone else who may view the
    /// council, and none otherwise — callers report that as "not found".
    /// </summary>
    public static MinutesEdition? MinutesEditionFor(MeetingRights rights, MeetingStatus status) =>
        rights.CanReadFullMinutes ? MinutesEdition.Full
        : rights.CanView && status == MeetingStatus.MinutesApproved ? MinutesEdition.Public
        : null;

    /// <summary>
    /// Loads a meeting (with attendances, and agenda items unless <paramref name="withAgenda"/> is false), its council (with
    /// members) and the caller's rights in one go; read-only unless <paramref name="tracked"/>, for a caller that changes the
    /// meeting in the same context. Null when the meeting does not exist or the caller may not view its council: callers
    /// report both alike. Rights checks on hot paths (every agenda operation, every hub join) leave the agenda out.
    /// </summary>
    public static async Task<MeetingAccess?> LoadMeetingAsync(PortalDbContext db, Caller caller, int meetingId, CancellationToken ct,
        bool withAgenda = true, bool tracked = false)
    {
        if (!caller.IsSignedIn) return null;
        IQueryable<Meeting> meetings = db.Meetings.Include(m => m.Attendances);
        if (withAgenda) meetings = meetings.Include(m => m.AgendaItems).AsSplitQuery();
        if (!tracked) meetings = meetings.AsNoTracking();
        var meeting = await meetings.SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null) return null;
        var council = await db.Councils.AsNoTracking().Include(c => c.Members).SingleAsync(c => c.Id == meeting.CouncilId, ct);
        var rights = RightsIn(caller, council, meeting);
        return rights.CanView ? new MeetingAccess(council, meeting, rights) : null;
    }
}

/// <summary>What the caller may do with one meeting; see <see cref="CouncilAccess"/>.</summary>
public sealed record MeetingRights(bool CanView, bool CanParticipate, bool CanSteer, bool CanRecord, bool CanManage)
{
    /// <summary>
    /// May read the full minutes (attendance by name, reasons for leave, the discussion): exactly those who take part in
    /// the meeting, since they heard all of it in the room (decision 0016).
    /// </summary>
    public bool CanReadFullMinutes => CanParticipate;

    public static MeetingRights None { get; } = new(false, false, false, false, false);
}

/// <summary>A meeting, its council and the caller's rights, as <see cref="CouncilAccess.LoadMeetingAsync"/> read them.</summary>
public sealed record MeetingAccess(Council Council, Meeting Meeting, MeetingRights Rights);
