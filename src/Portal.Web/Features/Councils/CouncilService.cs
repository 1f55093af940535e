using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Councils;
using Portal.Web.Data;
using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Commands;
using Portal.Web.Kit.Results;
using Portal.Web.Components.Shared;
using Portal.Web.Features.Localization;

namespace Portal.Web.Features.Councils;

/// <summary>
/// Read access to joint Party-building councils. Who may see a council: for a community council, anyone who can see the
/// community (<see cref="AccessPolicy.CanViewCommunity"/>); for a street council, the street's administrators and anyone
/// who can see one of its communities. Managers are those who manage the community (or street). Checked on every call;
/// a council the caller may not see is reported exactly like one that does not exist. Its one command (scheduling the
/// regular meetings) goes through the unit of work. Scoped.
/// </summary>
public sealed class CouncilService(IDbContextFactory<PortalDbContext> dbFactory, CallerScope callers, UnitOfWork work, TimeProvider clock)
{
    /// <summary>How many years of the rotating chair the page shows, from this year on.</summary>
    public const int RotationYearsShown = 5;

    /// <summary>How many held meetings the page lists, newest first.</summary>
    public const int PastMeetingsShown = 12;

    private int CurrentYear => PortalTime.ToLocal(clock.GetUtcNow().UtcDateTime).Year;

    /// <summary>The councils the caller can see, by name.</summary>
    public async Task<IReadOnlyList<CouncilSummary>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await callers.GetAsync(ct);
        if (!caller.IsSignedIn) return [];
        var councils = await db.Councils.AsNoTracking().Include(c => c.Members).OrderBy(c => c.Name).ToListAsync(ct);
        var visible = councils.Where(c => CouncilAccess.CanView(caller.Policy, c)).ToList();
        if (visible.Count == 0) return [];
        var ids = visible.Select(c => c.Id).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var next = await db.Meetings.AsNoTracking()
            .Where(m => ids.Contains(m.CouncilId) && m.StartsAtUtc > now && m.Status != MeetingStatus.Cancelled && m.Status != MeetingStatus.Declined)
            .GroupBy(m => m.CouncilId).Select(g => new { CouncilId = g.Key, Next = g.Min(m => m.StartsAtUtc) })
            .ToDictionaryAsync(x => x.CouncilId, x => x.Next, ct);
        var scopes = await ScopeNamesAsync(db, ct);
        var today = DateOnly.FromDateTime(PortalTime.ToLocal(now));
        return visible.Select(c => new CouncilSummary(c.Id, c.Name, ScopeName(scopes, c), c.ChairArrangement, c.Frequency,
            CouncilRoster.MemberUnitsOn(c.Members, today).Count, next.TryGetValue(c.Id, out var n) ? n : null)).ToList();
    }

    /// <summary>
    /// The communities and streets for which the caller may create a council (those they manage); the councils page offers
    /// "new council" when there is one (<see cref="CouncilScopes.CanCreate"/>), the settings page lets them pick.
    /// </summary>
    public async Task<CouncilScopes> ScopesAsync(CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        // Most callers (residents, liaisons) manage nothing: no query then.
        var communityIds = caller.Policy.ManagedCommunities.ToList();
        var streetIds = caller.Policy.AdministeredStreets.ToList();
        if (communityIds.Count == 0 && streetIds.Count == 0) return new CouncilScopes([], []);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new CouncilScopes(
            await db.Communities.AsNoTracking().Where(c => communityIds.Contains(c.Id)).OrderBy(c => c.Name).Select(c => new Option(c.Id, c.Name)).ToListAsync(ct),
            await db.Streets.AsNoTracking().Where(s => streetIds.Contains(s.Id)).OrderBy(s => s.Name).Select(s => new Option(s.Id, s.Name)).ToListAsync(ct));
    }

    /// <summary>The council with its roster, chair arrangement and meeting calendar; null when it does not exist or the caller may not see it.</summary>
    public async Task<CouncilDetail?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await callers.GetAsync(ct);
        if (!caller.IsSignedIn) return null;
        var council = await db.Councils.AsNoTracking().Include(c => c.Members).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (council is null || !CouncilAccess.CanView(caller.Policy, council)) return null;

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(PortalTime.ToLocal(now));
        var unitIds = council.Members.Select(m => m.UnitId).Append(council.LeadUnitId).OfType<int>().Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Attendances)
            .Where(m => m.CouncilId == id).OrderBy(m => m.StartsAtUtc).ToListAsync(ct);
        var personIds = council.Members.SelectMany(m => new[] { m.PersonId, m.LiaisonPersonId })
            .Concat(meetings.Select(m => m.ChairPersonId)).OfType<int>().Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        string? Unit(int? unitId) => unitId is { } u && units.TryGetValue(u, out var name) ? name : null;
        string? Person(int? personId) => personId is { } p && people.TryGetValue(p, out var name) ? name : null;

        var roster = council.Members
            .OrderBy(m => m.Role).ThenBy(m => m.RotationOrder ?? int.MaxValue).ThenBy(m => m.Id)
            .Select(m => new RosterRow(m.Id, m.Version, Unit(m.UnitId), Person(m.PersonId), Person(m.LiaisonPersonId), m.Role, m.IsPartTime, m.TermFrom, m.TermTo, m.RotationOrder, m.IsSittingOn(today)))
            .ToList();

        var year = CurrentYear;
        IReadOnlyList<RotationRow> rotation = [];
        if (council.ChairArrangement == ChairArrangement.LeadUnitWithRotatingChair && council.LeadUnitId is { } lead && council.RotationStartYear is { } start)
        {
            rotation = ChairRotation.FromMembers(lead, start, council.Members).Schedule(year, RotationYearsShown)
                .Select(y => new RotationRow(y.Year, Unit(y.LeadUnitId) ?? "", Unit(y.ChairUnitId), y.Year == year)).ToList();
        }

        MeetingRow Row(Meeting m) => new(m.Id, m.Title, m.Kind, m.Status, m.StartsAtUtc, m.EndsAtUtc, m.Location ?? council.DefaultLocation,
            Person(m.ChairPersonId), AttendanceRules.Figures(m.Attendances));
        var upcoming = meetings.Where(m => m.EndsAtUtc >= now && m.Status is not (MeetingStatus.Ended or MeetingStatus.MinutesApproved)).Select(Row).ToList();
        var past = meetings.Where(m => m.EndsAtUtc < now || m.Status is MeetingStatus.Ended or MeetingStatus.MinutesApproved)
            .OrderByDescending(m => m.StartsAtUtc).Take(PastMeetingsShown).Select(Row).ToList();

        var scopes = await ScopeNamesAsync(db, ct);
        var canManage = CouncilAccess.CanManage(caller.Policy, council);
        return new CouncilDetail(council.Id, council.Name, ScopeName(scopes, council), council.ChairArrangement, council.CalendarRule(),
            council.TopicDeadlineDays, council.DefaultLocation, canManage, year, roster, rotation, upcoming, past);
    }

    /// <summary>How far ahead the secretariat's "schedule" action puts regular meetings on the calendar.</summary>
    public const int ScheduleMonthsAhead = 12;

    /// <summary>
    /// Puts the council's regular meetings of the next <see cref="ScheduleMonthsAhead"/> months on the calendar (those not
    /// there yet; a meeting moved or cancelled by hand keeps its period), in one save through the unit of work. Managers
    /// only; a council the caller may not manage is not found. Another manager scheduling the same periods at the same
    /// moment is a conflict, and nothing is added twice.
    /// </summary>
    public async Task<Result<ScheduledMeetings>> ScheduleMeetingsAsync(int councilId, CancellationToken ct = default)
    {
        // What the command adds is planned from the calendar and the meetings there, read before it (the rule stays synchronous).
        var caller = await callers.GetAsync(ct);
        Council? council;
        IReadOnlyList<Meeting> planned = [];
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            council = await db.Councils.AsNoTracking().Include(c => c.Members).SingleOrDefaultAsync(c => c.Id == councilId, ct);
            // Nothing is planned for a caller the command refuses anyway.
            if (council is not null && CouncilAccess.ManagedBy(caller, council) is null)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var today = DateOnly.FromDateTime(PortalTime.ToLocal(now));
                planned = await RegularMeetings.PlanAsync(db, council, today, today.AddMonths(ScheduleMonthsAhead), now, ct);
            }
        }
        try
        {
            var saved = await work.AddAllAsync<Meeting>(allow: c => CouncilAccess.ManagedBy(c, council), create: _ => Result<IReadOnlyList<Meeting>>.Ok(planned), ct);
            return saved.Succeeded ? Result<ScheduledMeetings>.Ok(new ScheduledMeetings(planned.Count), councilId) : Result<ScheduledMeetings>.From(saved);
        }
        catch (DbUpdateException)
        {
            // The unique (council, period) index: someone scheduled the same periods a moment ago; nothing was added twice.
            return Result<ScheduledMeetings>.From(Result.Conflict(Message.Of<CouncilsText>("Schedule.Failed")));
        }
    }

    private sealed record Scopes(Dictionary<int, string> Communities, Dictionary<int, string> Streets);

    private static async Task<Scopes> ScopeNamesAsync(PortalDbContext db, CancellationToken ct) => new(
        await db.Communities.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct),
        await db.Streets.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct));

    private static string ScopeName(Scopes scopes, Council council) => council.CommunityId is { } c
        ? scopes.Communities.GetValueOrDefault(c, "")
        : scopes.Streets.GetValueOrDefault(council.StreetId, "");
}
