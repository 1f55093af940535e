using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Councils;
using Portal.Domain.Directory;
using Portal.Domain.Text;
using Portal.Web.Data;
using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Commands;
using Portal.Web.Kit.Results;
using Portal.Web.Features.Localization;
using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Councils.Setup;

/// <summary>
/// Setting a council up and keeping its roster: create a council for a community or street the caller manages, edit its
/// calendar, topic deadline and chair arrangement, add seats, end terms, remove seats entered by mistake. Managers only
/// (<see cref="CouncilAccess.CanManage"/>); a council the caller may not manage is reported like one that does not exist.
/// Seats are never rewritten: a changed post or a new term is a new seat, so past meetings keep who was who. Every change
/// is audited by the database context. Scoped.
/// </summary>
public sealed class CouncilSetupService(
    IDbContextFactory<PortalDbContext> dbFactory,
    CallerScope callers,
    UnitOfWork work,
    TimeProvider clock)
{
    public const int RotationOrderMax = 99;
    public const int PersonOptionsShown = 50;
    private const int EarliestRotationYear = 2000;

    /// <summary>A council (or seat) the caller may not manage is reported like one that does not exist.</summary>
    private static readonly Message NotFound = Message.Of<CouncilsText>("Detail.NotFound");

    // Domain error codes and the form field each belongs to.
    private static readonly Dictionary<string, string> CouncilErrorFields = new()
    {
        [Council.ErrorNameRequired] = nameof(CouncilForm.Name),
        [Council.ErrorScopeRequired] = CouncilForm.ScopeField,
        [Council.ErrorTopicDeadlineDays] = nameof(CouncilForm.TopicDeadlineDays),
        [ChairRotation.ErrorLeadUnitRequired] = nameof(CouncilForm.LeadUnitId),
        [MeetingCalendarRule.ErrorFirstMonth] = nameof(CouncilForm.FirstMonth),
        [MeetingCalendarRule.ErrorWeekOfMonth] = nameof(CouncilForm.WeekOfMonth),
        [MeetingCalendarRule.ErrorDuration] = nameof(CouncilForm.DurationMinutes),
    };

    private int CurrentYear => PortalTime.ToLocal(clock.GetUtcNow().UtcDateTime).Year;

    /// <summary>The council's settings for editing; null when it does not exist or the caller may not manage it.</summary>
    public async Task<CouncilForm?> GetFormAsync(int councilId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var council = await ManagedCouncilAsync(db, councilId, ct);
        return council is null ? null : ToForm(council);
    }

    /// <summary>Creates or updates a council. An update must start from the version the user loaded.</summary>
    public async Task<Result<CouncilForm>> SaveAsync(CouncilForm form, CancellationToken ct = default)
    {
        if (form.IsNew) return await CreateAsync(form, ct);
        // What the rule needs beyond the row is read by the command's load, in the scope of the council it loads: the
        // council is read once (an existing council keeps its scope).
        var checks = SettingsChecks.None;
        return await work.ChangeAsync<Council, CouncilForm>(
            async (db, c) =>
            {
                var council = await db.Councils.Include(x => x.Members).SingleOrDefaultAsync(x => x.Id == form.Id, c);
                if (council is not null) checks = await ChecksAsync(db, council.StreetId, council.CommunityId, form, c);
                return council;
            },
            form.Version,
            allow: CouncilAccess.ManagedBy,
            run: (_, council, _) => Settle(council, form, checks, new FieldProblems()),
            ToForm, CouncilTexts, ct: ct);
    }

    private async Task<Result<CouncilForm>> CreateAsync(CouncilForm form, CancellationToken ct)
    {
        // What the rule needs, read before the command: the new council's scope, which the caller must manage, and the
        // checks made in it.
        (int StreetId, int? CommunityId)? scope;
        var checks = SettingsChecks.None;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            scope = await ScopeOfNewAsync(db, form, ct);
            if (scope is { } s) checks = await ChecksAsync(db, s.StreetId, s.CommunityId, form, ct);
        }
        return await work.AddAsync<Council, CouncilForm>(
            // Nothing chosen is a form error (below); a chosen scope the caller does not manage is refused like a missing one.
            allow: _ => scope is not null || (form.CommunityId is null && form.StreetId is null) ? null : Result.NotFound(NotFound),
            create: _ =>
            {
                var level = form.Level == CouncilLevel.Street ? CouncilLevel.Street : CouncilLevel.Community;
                var council = new Council { Name = "", Level = level, StreetId = scope?.StreetId ?? 0, CommunityId = scope?.CommunityId };
                var problems = new FieldProblems();
                if (scope is null) problems.Add(CouncilForm.ScopeField, Message.Of<CouncilsText>(Council.ErrorScopeRequired));
                return Settle(council, form, checks, problems) is { } refused
                    ? Result<Council>.From(refused) : Result<Council>.Ok(council);
            },
            ct: ct);
    }

    // Councils are not deleted; should one go meanwhile, it is reported as the form always did: as not found.
    private static readonly CommandTexts CouncilTexts = CommandTexts.Common(NotFound) with { Deleted = NotFound };

    /// <summary>What the settings' rule needs from other rows: whether the chosen lead unit may lead, whether the name is taken.</summary>
    private readonly record struct SettingsChecks(bool LeadEligible, bool NameTaken)
    {
        public static SettingsChecks None => new(true, false);
    }

    /// <summary>The <see cref="SettingsChecks"/> of the form in the council's scope (its street, and community if any).</summary>
    private static async Task<SettingsChecks> ChecksAsync(PortalDbContext db, int streetId, int? communityId, CouncilForm form, CancellationToken ct)
    {
        var name = UserText.SingleLine(form.Name);
        var leadEligible = form.Arrangement != ChairArrangement.LeadUnitWithRotatingChair || form.LeadUnitId is not { } lead
            || await EligibleUnits(db, streetId, communityId).AnyAsync(u => u.Id == lead, ct);
        var nameTaken = await db.Councils.AnyAsync(c => c.Id != form.Id && c.StreetId == streetId && c.CommunityId == communityId && c.Name == name, ct);
        return new SettingsChecks(leadEligible, nameTaken);
    }

    /// <summary>
    /// Applies the form to the council through its own <see cref="Council.Configure"/> (so it is checked as it will be
    /// stored) and the rules that need more than the council: the problems, field by field, or null.
    /// </summary>
    private Result? Settle(Council council, CouncilForm form, SettingsChecks checks, FieldProblems problems)
    {
        // Later checks of a field replace earlier ones; the council's own rule only fills fields nothing else complained about.
        var startTime = CouncilForm.ParseStartTime(form.StartTime);
        if (startTime is null) problems.Set(nameof(CouncilForm.StartTime), Message.Of<CouncilsText>("Setup.Error.StartTime"));
        var location = UserText.SingleLineOrNull(form.DefaultLocation);
        if (location is { Length: > Meeting.LocationMaxLength })
            problems.Set(nameof(CouncilForm.DefaultLocation), Message.Of<SharedText>("Common.TooLong", Message.Of<CouncilsText>("Setup.Field.DefaultLocation"), Meeting.LocationMaxLength));
        var arrangement = Enum.IsDefined(form.Arrangement) ? form.Arrangement : ChairArrangement.FixedChair;
        var rotating = arrangement == ChairArrangement.LeadUnitWithRotatingChair;
        if (rotating && form.RotationStartYear is { } year && (year < EarliestRotationYear || year > CurrentYear + 10))
            problems.Set(nameof(CouncilForm.RotationStartYear), Message.Of<CouncilsText>("Setup.Error.RotationStartYear", EarliestRotationYear, CurrentYear + 10));
        if (rotating && form.RotationStartYear is null)
            problems.Set(nameof(CouncilForm.RotationStartYear), Message.Of<SharedText>("Common.Required", Message.Of<CouncilsText>("Setup.Field.RotationStartYear")));
        if (rotating && form.LeadUnitId is not null && !checks.LeadEligible) problems.Set(nameof(CouncilForm.LeadUnitId), Message.Of<CouncilsText>("Setup.Error.UnitNotEligible"));

        var calendar = new MeetingCalendarRule(
            Enum.IsDefined(form.Frequency) ? form.Frequency : MeetingFrequency.Monthly, form.FirstMonth, form.WeekOfMonth,
            Enum.IsDefined(form.Day) ? form.Day : DayOfWeek.Tuesday, startTime ?? council.CalendarStartTime, form.DurationMinutes);
        foreach (var code in council.Configure(form.Name, calendar, form.TopicDeadlineDays, location, arrangement, form.LeadUnitId, form.RotationStartYear))
            problems.Add(CouncilErrorFields.GetValueOrDefault(code, Problem.Form), Message.Of<CouncilsText>(code));
        // The duplicate check compares stored names: the council's, as Configure stored it.
        if (problems.Count == 0 && checks.NameTaken) problems.Set(nameof(CouncilForm.Name), Message.Of<CouncilsText>("Setup.Error.DuplicateName", council.Name));
        return problems.Refusal;
    }

    /// <summary>
    /// Units that may sit on a council of the community (its own units and the street-level units of its street) or of the
    /// street (all its units), for a caller who manages that scope; empty otherwise.
    /// </summary>
    public async Task<IReadOnlyList<SeatUnitOption>> UnitOptionsAsync(int? communityId, int? streetId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await ManagedScopeAsync(db, communityId, streetId, ct);
        if (scope is null) return [];
        return await EligibleUnits(db, scope.Value.StreetId, scope.Value.CommunityId).AsNoTracking().OrderBy(u => u.Name)
            .Select(u => new SeatUnitOption(u.Id, u.Name, u.LeaderPersonId, u.LiaisonPersonId)).ToListAsync(ct);
    }

    /// <summary>
    /// People who may take a seat (staff of an eligible unit, residents of the council's community or street) matching
    /// <paramref name="search"/>, plus those in <paramref name="alwaysInclude"/> when eligible; at most 50.
    /// </summary>
    public async Task<IReadOnlyList<Option>> PersonOptionsAsync(int councilId, string? search, IEnumerable<int?> alwaysInclude, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var council = await ManagedCouncilAsync(db, councilId, ct);
        if (council is null) return [];
        var include = alwaysInclude.OfType<int>().ToList();
        var term = UserText.SingleLineOrNull(search);
        return await EligiblePeople(db, council.StreetId, council.CommunityId).AsNoTracking()
            .Where(p => include.Contains(p.Id) || (term != null && p.Name.Contains(term)))
            .OrderBy(p => p.Name).Take(PersonOptionsShown)
            .Select(p => new Option(p.Id, p.Phone == null ? p.Name : p.Name + " " + p.Phone)).ToListAsync(ct);
    }

    /// <summary>Adds a seat for a term. Returns the new seat's id.</summary>
    public async Task<Result<SeatForm>> AddSeatAsync(int councilId, SeatForm form, CancellationToken ct = default)
    {
        // What the rule needs from the database, read before the command: the council's seats and whether it may seat the
        // chosen unit and people. A caller who may not manage the council is refused before any of it is looked at.
        Council? council;
        bool unitEligible = true, personEligible = true, liaisonEligible = true;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            council = await db.Councils.AsNoTracking().Include(c => c.Members).SingleOrDefaultAsync(c => c.Id == councilId, ct);
            if (council is not null)
            {
                var units = EligibleUnits(db, council.StreetId, council.CommunityId);
                var people = EligiblePeople(db, council.StreetId, council.CommunityId);
                if (form.UnitId is { } unitId) unitEligible = await units.AnyAsync(u => u.Id == unitId, ct);
                if (form.PersonId is { } personId) personEligible = await people.AnyAsync(p => p.Id == personId, ct);
                if (form.LiaisonPersonId is { } liaisonId) liaisonEligible = await people.AnyAsync(p => p.Id == liaisonId, ct);
            }
        }
        return await work.AddAsync<CouncilMember, SeatForm>(
            allow: caller => CouncilAccess.ManagedBy(caller, council),
            create: _ =>
            {
                // Allowed, so the council was found.
                var members = council!.Members;
                var seat = new CouncilMember
                {
                    CouncilId = council.Id, UnitId = form.UnitId, PersonId = form.PersonId, LiaisonPersonId = form.LiaisonPersonId,
                    Role = Enum.IsDefined(form.Role) ? form.Role : CouncilRole.Member, IsPartTime = form.IsPartTime,
                    TermFrom = form.TermFrom ?? default, TermTo = form.TermTo, RotationOrder = form.RotationOrder,
                };
                var problems = new FieldProblems();
                if (form.TermFrom is null) problems.Add(nameof(SeatForm.TermFrom), Message.Of<SharedText>("Common.Required", Message.Of<CouncilsText>("Roster.Term")));
                foreach (var code in seat.Validate())
                    problems.Add(code == CouncilMember.ErrorTermOrder ? nameof(SeatForm.TermTo) : nameof(SeatForm.UnitId), Message.Of<CouncilsText>(code));
                // Later checks of a field replace earlier ones, as the form has always shown them.
                if (!unitEligible) problems.Set(nameof(SeatForm.UnitId), Message.Of<CouncilsText>("Setup.Error.UnitNotEligible"));
                if (!personEligible) problems.Set(nameof(SeatForm.PersonId), Message.Of<CouncilsText>("Setup.Error.PersonNotEligible"));
                if (!liaisonEligible) problems.Set(nameof(SeatForm.LiaisonPersonId), Message.Of<CouncilsText>("Setup.Error.PersonNotEligible"));
                if (seat.RotationOrder is { } order)
                {
                    if (seat.UnitId is null || order is < 1 or > RotationOrderMax)
                        problems.Set(nameof(SeatForm.RotationOrder), Message.Of<CouncilsText>("Setup.Error.RotationOrder", RotationOrderMax));
                    else if (members.Any(m => m.RotationOrder == order && m.UnitId != seat.UnitId))
                        problems.Set(nameof(SeatForm.RotationOrder), Message.Of<CouncilsText>("Setup.Error.RotationOrderTaken", order));
                }
                if (problems.Count == 0 && members.Any(m => m.Role == seat.Role && m.UnitId == seat.UnitId && m.PersonId == seat.PersonId && Overlaps(m, seat)))
                    problems.Add(Problem.Form, Message.Of<CouncilsText>("Setup.Error.SeatOverlaps"));
                return problems.Count > 0 ? Result<CouncilMember>.Invalid(problems.Problems) : Result<CouncilMember>.Ok(seat);
            },
            ct: ct);
    }

    /// <summary>
    /// Adds a member seat (委员, part-time) from <paramref name="termFrom"/> for each unit, held by the unit's Party leader with
    /// its liaison, the way a new council's roster is entered. A unit that already holds a member seat overlapping that term
    /// is skipped and named. With <paramref name="rotate"/>, units without a place in the rotating-chair order take the next
    /// places in the order given. Nothing is added when a unit is not the council's to seat.
    /// </summary>
    public async Task<Result<BulkSeats>> AddUnitSeatsAsync(int councilId, IReadOnlyList<int> unitIds, DateOnly? termFrom, bool rotate,
        CancellationToken ct = default)
    {
        // What the rule needs from the database, read before the command: the council's seats and which of the units it
        // may seat. A caller who may not manage the council is refused before any of it is looked at.
        var ids = unitIds.Distinct().ToList();
        Council? council;
        List<SeatUnitOption> units = [];
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            council = await db.Councils.AsNoTracking().Include(c => c.Members).SingleOrDefaultAsync(c => c.Id == councilId, ct);
            if (council is not null)
                units = await EligibleUnits(db, council.StreetId, council.CommunityId).AsNoTracking().Where(u => ids.Contains(u.Id))
                    .Select(u => new SeatUnitOption(u.Id, u.Name, u.LeaderPersonId, u.LiaisonPersonId)).ToListAsync(ct);
        }

        var skipped = new List<string>();
        var added = 0;
        var saved = await work.AddAllAsync<CouncilMember>(
            allow: caller => CouncilAccess.ManagedBy(caller, council),
            create: _ =>
            {
                var problems = new FieldProblems();
                if (ids.Count == 0) problems.Set(BulkSeats.UnitsField, Message.Of<CouncilsText>("Setup.Error.UnitsRequired"));
                if (termFrom is null) problems.Set(nameof(SeatForm.TermFrom), Message.Of<SharedText>("Common.Required", Message.Of<CouncilsText>("Roster.Term")));
                if (units.Count != ids.Count) problems.Set(BulkSeats.UnitsField, Message.Of<CouncilsText>("Setup.Error.UnitNotEligible"));
                if (problems.Count > 0) return Result<IReadOnlyList<CouncilMember>>.Invalid(problems.Problems);

                // Allowed, so the council was found.
                var members = council!.Members.ToList();
                var nextOrder = (members.Max(m => m.RotationOrder) ?? 0) + 1;
                var seats = new List<CouncilMember>();
                foreach (var unit in ids.Select(id => units.Single(u => u.Id == id)))
                {
                    var seat = new CouncilMember
                    {
                        CouncilId = council.Id, UnitId = unit.Id, PersonId = unit.LeaderPersonId, LiaisonPersonId = unit.LiaisonPersonId,
                        Role = CouncilRole.Member, IsPartTime = true, TermFrom = termFrom!.Value,
                    };
                    if (members.Any(m => m.UnitId == unit.Id && m.Role == CouncilRole.Member && Overlaps(m, seat)))
                    {
                        skipped.Add(unit.Name);
                        continue;
                    }
                    if (rotate && nextOrder <= RotationOrderMax)
                        seat.RotationOrder = members.FirstOrDefault(m => m.UnitId == unit.Id && m.RotationOrder is not null)?.RotationOrder ?? nextOrder++;
                    members.Add(seat);
                    seats.Add(seat);
                }
                added = seats.Count;
                return Result<IReadOnlyList<CouncilMember>>.Ok(seats);
            },
            ct);
        return saved.Succeeded ? Result<BulkSeats>.Ok(new BulkSeats(added, skipped)) : Result<BulkSeats>.From(saved);
    }

    /// <summary>Ends a seat's term on <paramref name="lastDay"/> (inclusive), for someone who left or whose post changed.</summary>
    public Task<Result<SeatForm>> EndSeatAsync(int seatId, Guid version, DateOnly lastDay, CancellationToken ct = default)
    {
        Council? council = null;
        return work.ChangeAsync<CouncilMember, SeatForm>(
            async (db, c) =>
            {
                if (await SeatWithCouncilAsync(db, seatId, c) is not { } found) return null;
                council = found.Council;
                return found.Seat;
            },
            version,
            allow: (caller, _) => CouncilAccess.ManagedBy(caller, council),
            run: (_, seat, _) => seat.EndTerm(lastDay) is { } error ? Result.Invalid(nameof(SeatForm.TermTo), Message.Of<CouncilsText>(error)) : null,
            ToSeatForm, SeatTexts, ct: ct);
    }

    /// <summary>
    /// Removes a seat entered by mistake. A seat that counted at a held meeting is history (attendance, minutes, scores
    /// were computed from it): it is refused, and the manager ends its term instead.
    /// </summary>
    public Task<Result<SeatForm>> RemoveSeatAsync(int seatId, Guid version, CancellationToken ct = default)
    {
        Council? council = null;
        IReadOnlyList<DateTime> held = [];
        return work.ChangeAsync<CouncilMember, SeatForm>(
            async (db, c) =>
            {
                if (await SeatWithCouncilAsync(db, seatId, c) is not { } found) return null;
                (council, var seat) = found;
                held = await db.Meetings.AsNoTracking()
                    .Where(m => m.CouncilId == seat.CouncilId && (m.Status == MeetingStatus.InProgress || m.Status == MeetingStatus.Ended || m.Status == MeetingStatus.MinutesApproved))
                    .Select(m => m.StartsAtUtc).ToListAsync(c);
                return seat;
            },
            version,
            allow: (caller, _) => CouncilAccess.ManagedBy(caller, council),
            run: (_, seat, db) =>
            {
                if (held.Any(start => seat.IsSittingOn(DateOnly.FromDateTime(PortalTime.ToLocal(start)))))
                    return Result.Invalid(Message.Of<CouncilsText>("Setup.Error.SeatHasHistory"));
                db.CouncilMembers.Remove(seat);
                return null;
            },
            ToSeatForm, SeatTexts, ct: ct);
    }

    private static readonly CommandTexts SeatTexts = new(NotFound, Message.Of<CouncilsText>("Setup.Seat.Changed"));


    /// <summary>The seat (tracked) and its council with its members (read-only); null when the seat does not exist.</summary>
    private static async Task<(Council Council, CouncilMember Seat)?> SeatWithCouncilAsync(PortalDbContext db, int seatId, CancellationToken ct)
    {
        var seat = await db.CouncilMembers.SingleOrDefaultAsync(m => m.Id == seatId, ct);
        if (seat is null) return null;
        var council = await db.Councils.AsNoTracking().Include(c => c.Members).SingleAsync(c => c.Id == seat.CouncilId, ct);
        return (council, seat);
    }

    private static SeatForm ToSeatForm(CouncilMember m) => new()
    {
        UnitId = m.UnitId, PersonId = m.PersonId, LiaisonPersonId = m.LiaisonPersonId, Role = m.Role, IsPartTime = m.IsPartTime,
        TermFrom = m.TermFrom, TermTo = m.TermTo, RotationOrder = m.RotationOrder,
    };

    private static bool Overlaps(CouncilMember a, CouncilMember b) =>
        a.TermFrom <= (b.TermTo ?? DateOnly.MaxValue) && b.TermFrom <= (a.TermTo ?? DateOnly.MaxValue);

    private static CouncilForm ToForm(Council c) => new()
    {
        Id = c.Id, Version = c.Version, Level = c.Level, CommunityId = c.CommunityId, StreetId = c.StreetId, Name = c.Name,
        Frequency = c.Frequency, FirstMonth = c.CalendarFirstMonth, WeekOfMonth = c.CalendarWeekOfMonth, Day = c.CalendarDay,
        StartTime = c.CalendarStartTime.ToString("HH:mm", CultureInfo.InvariantCulture), DurationMinutes = c.MeetingDurationMinutes,
        TopicDeadlineDays = c.TopicDeadlineDays, DefaultLocation = c.DefaultLocation, Arrangement = c.ChairArrangement,
        LeadUnitId = c.LeadUnitId, RotationStartYear = c.RotationStartYear,
    };

    /// <summary>The council with its members, read-only; null when it does not exist or the caller may not manage it.</summary>
    private async Task<Council?> ManagedCouncilAsync(PortalDbContext db, int councilId, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        if (!caller.IsSignedIn) return null;
        var council = await db.Councils.AsNoTracking().Include(c => c.Members).SingleOrDefaultAsync(c => c.Id == councilId, ct);
        return council is not null && CouncilAccess.CanManage(caller.Policy, council) ? council : null;
    }

    private Task<(int StreetId, int? CommunityId)?> ScopeOfNewAsync(PortalDbContext db, CouncilForm form, CancellationToken ct) =>
        form.Level == CouncilLevel.Street ? ManagedScopeAsync(db, null, form.StreetId, ct) : ManagedScopeAsync(db, form.CommunityId, null, ct);

    /// <summary>The street (and community) of a scope the caller manages; null when not managed or not given.</summary>
    private async Task<(int StreetId, int? CommunityId)?> ManagedScopeAsync(PortalDbContext db, int? communityId, int? streetId, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        if (!caller.IsSignedIn) return null;
        if (communityId is { } c)
        {
            var street = await db.Communities.Where(x => x.Id == c).Select(x => (int?)x.StreetId).SingleOrDefaultAsync(ct);
            return street is { } s && caller.Policy.CanManageCommunity(c) ? (s, c) : null;
        }
        if (streetId is { } st && caller.Policy.CanManageStreet(st) && await db.Streets.AnyAsync(x => x.Id == st, ct)) return (st, null);
        return null;
    }

    /// <summary>A community council draws on the community's units and the street-level ones; a street council on all of the street's.</summary>
    private static IQueryable<CoBuildingUnit> EligibleUnits(PortalDbContext db, int streetId, int? communityId) => communityId is { } c
        ? db.Units.Where(u => u.CommunityId == c || (u.CommunityId == null && u.StreetId == streetId))
        : db.Units.Where(u => u.StreetId == streetId);

    private static IQueryable<Person> EligiblePeople(PortalDbContext db, int streetId, int? communityId)
    {
        var units = EligibleUnits(db, streetId, communityId).Select(u => u.Id);
        return communityId is { } c
            ? db.People.Where(p => (p.HomeUnitId != null && units.Contains(p.HomeUnitId.Value)) || p.ResidenceCommunityId == c)
            : db.People.Where(p => (p.HomeUnitId != null && units.Contains(p.HomeUnitId.Value))
                                   || (p.ResidenceCommunity != null && p.ResidenceCommunity.StreetId == streetId));
    }
}
