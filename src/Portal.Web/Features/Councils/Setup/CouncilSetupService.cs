using Portal.Domain.Access;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
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
    TimeProvider clock,
    IStringLocalizer<CouncilsText> text,
    IStringLocalizer<SharedText> shared)
{
    public const int RotationOrderMax = 99;
    public const int PersonOptionsShown = 50;
    private const int EarliestRotationYear = 2000;

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

    /// <summary>The communities and streets for which the caller may create a council.</summary>
    public async Task<CouncilScopes> ScopesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await callers.GetAsync(ct);
        // Most callers (residents, liaisons) manage nothing: no query then.
        var communityIds = caller.Policy.ManagedCommunities.ToList();
        var streetIds = caller.Policy.AdministeredStreets.ToList();
        if (communityIds.Count == 0 && streetIds.Count == 0) return new CouncilScopes([], []);
        return new CouncilScopes(
            await db.Communities.AsNoTracking().Where(c => communityIds.Contains(c.Id)).OrderBy(c => c.Name).Select(c => new Option(c.Id, c.Name)).ToListAsync(ct),
            await db.Streets.AsNoTracking().Where(s => streetIds.Contains(s.Id)).OrderBy(s => s.Name).Select(s => new Option(s.Id, s.Name)).ToListAsync(ct));
    }

    /// <summary>The council's settings for editing; null when it does not exist or the caller may not manage it.</summary>
    public async Task<CouncilForm?> GetFormAsync(int councilId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var council = await ManagedCouncilAsync(db, councilId, tracked: false, ct);
        return council is null ? null : ToForm(council);
    }

    /// <summary>Creates or updates a council. An update must start from the version the user loaded.</summary>
    public async Task<SaveResult<CouncilForm>> SaveAsync(CouncilForm form, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var errors = new Dictionary<string, string>();
        Council council;
        if (form.IsNew)
        {
            var scope = await ScopeOfNewAsync(db, form, ct);
            if (scope is null)
            {
                // Nothing chosen is a form error; a chosen scope the caller does not manage is refused like a missing one.
                if (form.CommunityId is null && form.StreetId is null) errors[CouncilForm.ScopeField] = text[Council.ErrorScopeRequired];
                else return SaveResult<CouncilForm>.NotFound(text["Detail.NotFound"]);
            }
            var level = form.Level == CouncilLevel.Street ? CouncilLevel.Street : CouncilLevel.Community;
            council = new Council { Name = "", Level = level, StreetId = scope?.StreetId ?? 0, CommunityId = scope?.CommunityId };
        }
        else
        {
            var existing = await ManagedCouncilAsync(db, form.Id, tracked: true, ct);
            if (existing is null) return SaveResult<CouncilForm>.NotFound(text["Detail.NotFound"]);
            council = existing;
        }

        var startTime = CouncilForm.ParseStartTime(form.StartTime);
        if (startTime is null) errors[nameof(CouncilForm.StartTime)] = text["Setup.Error.StartTime"];
        var location = UserText.SingleLineOrNull(form.DefaultLocation);
        if (location is { Length: > Meeting.LocationMaxLength })
            errors[nameof(CouncilForm.DefaultLocation)] = shared["Common.TooLong", text["Setup.Field.DefaultLocation"], Meeting.LocationMaxLength];

        // As stored: Validate then sees what will be kept, and the duplicate check compares stored names.
        council.Name = UserText.SingleLine(form.Name);
        council.Frequency = Enum.IsDefined(form.Frequency) ? form.Frequency : MeetingFrequency.Monthly;
        council.CalendarFirstMonth = council.Frequency == MeetingFrequency.Monthly ? 1 : form.FirstMonth;
        council.CalendarWeekOfMonth = form.WeekOfMonth;
        council.CalendarDay = Enum.IsDefined(form.Day) ? form.Day : DayOfWeek.Tuesday;
        council.CalendarStartTime = startTime ?? council.CalendarStartTime;
        council.MeetingDurationMinutes = form.DurationMinutes;
        council.TopicDeadlineDays = form.TopicDeadlineDays;
        council.DefaultLocation = location;
        council.ChairArrangement = Enum.IsDefined(form.Arrangement) ? form.Arrangement : ChairArrangement.FixedChair;
        var rotating = council.ChairArrangement == ChairArrangement.LeadUnitWithRotatingChair;
        // The lead unit and start year mean something only for the rotating chair; other arrangements forget them.
        council.LeadUnitId = rotating ? form.LeadUnitId : null;
        council.RotationStartYear = rotating ? form.RotationStartYear : null;
        if (rotating && form.RotationStartYear is { } year && (year < EarliestRotationYear || year > CurrentYear + 10))
            errors[nameof(CouncilForm.RotationStartYear)] = text["Setup.Error.RotationStartYear", EarliestRotationYear, CurrentYear + 10];
        if (rotating && form.RotationStartYear is null) errors[nameof(CouncilForm.RotationStartYear)] = shared["Common.Required", text["Setup.Field.RotationStartYear"]];
        if (council.LeadUnitId is { } lead && !await EligibleUnits(db, council.StreetId, council.CommunityId).AnyAsync(u => u.Id == lead, ct))
            errors[nameof(CouncilForm.LeadUnitId)] = text["Setup.Error.UnitNotEligible"];

        foreach (var code in council.Validate())
            if (code != Council.ErrorScopeRequired || !errors.ContainsKey(CouncilForm.ScopeField))
                errors.TryAdd(CouncilErrorFields.GetValueOrDefault(code, ""), text[code]);
        if (errors.Count == 0 && await db.Councils.AnyAsync(c => c.Id != council.Id && c.StreetId == council.StreetId
                && c.CommunityId == council.CommunityId && c.Name == council.Name, ct))
            errors[nameof(CouncilForm.Name)] = text["Setup.Error.DuplicateName", council.Name];
        if (errors.Count > 0) return SaveResult<CouncilForm>.Invalid(errors);

        if (form.IsNew)
        {
            db.Councils.Add(council);
            await db.SaveChangesAsync(ct);
        }
        else if (!await db.SaveAtVersionAsync(council, form.Version, ct))
        {
            return SaveResult<CouncilForm>.Conflict(await GetFormAsync(form.Id, ct));
        }
        return SaveResult<CouncilForm>.Saved(council.Id);
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
        var council = await ManagedCouncilAsync(db, councilId, tracked: false, ct);
        if (council is null) return [];
        var include = alwaysInclude.OfType<int>().ToList();
        var term = UserText.SingleLineOrNull(search);
        return await EligiblePeople(db, council.StreetId, council.CommunityId).AsNoTracking()
            .Where(p => include.Contains(p.Id) || (term != null && p.Name.Contains(term)))
            .OrderBy(p => p.Name).Take(PersonOptionsShown)
            .Select(p => new Option(p.Id, p.Phone == null ? p.Name : p.Name + " " + p.Phone)).ToListAsync(ct);
    }

    /// <summary>Adds a seat for a term. Returns the new seat's id.</summary>
    public async Task<SaveResult<SeatForm>> AddSeatAsync(int councilId, SeatForm form, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var council = await ManagedCouncilAsync(db, councilId, tracked: true, ct);
        if (council is null) return SaveResult<SeatForm>.NotFound(text["Detail.NotFound"]);

        var errors = new Dictionary<string, string>();
        var seat = new CouncilMember
        {
            CouncilId = council.Id, UnitId = form.UnitId, PersonId = form.PersonId, LiaisonPersonId = form.LiaisonPersonId,
            Role = Enum.IsDefined(form.Role) ? form.Role : CouncilRole.Member, IsPartTime = form.IsPartTime,
            TermFrom = form.TermFrom ?? default, TermTo = form.TermTo, RotationOrder = form.RotationOrder,
        };
        if (form.TermFrom is null) errors[nameof(SeatForm.TermFrom)] = shared["Common.Required", text["Roster.Term"]];
        foreach (var code in seat.Validate())
            errors.TryAdd(code == CouncilMember.ErrorTermOrder ? nameof(SeatForm.TermTo) : nameof(SeatForm.UnitId), text[code]);

        var units = EligibleUnits(db, council.StreetId, council.CommunityId);
        var people = EligiblePeople(db, council.StreetId, council.CommunityId);
        if (seat.UnitId is { } unitId && !await units.AnyAsync(u => u.Id == unitId, ct)) errors[nameof(SeatForm.UnitId)] = text["Setup.Error.UnitNotEligible"];
        if (seat.PersonId is { } personId && !await people.AnyAsync(p => p.Id == personId, ct)) errors[nameof(SeatForm.PersonId)] = text["Setup.Error.PersonNotEligible"];
        if (seat.LiaisonPersonId is { } liaisonId && !await people.AnyAsync(p => p.Id == liaisonId, ct)) errors[nameof(SeatForm.LiaisonPersonId)] = text["Setup.Error.PersonNotEligible"];
        if (seat.RotationOrder is { } order)
        {
            if (seat.UnitId is null || order is < 1 or > RotationOrderMax)
                errors[nameof(SeatForm.RotationOrder)] = text["Setup.Error.RotationOrder", RotationOrderMax];
            else if (council.Members.Any(m => m.RotationOrder == order && m.UnitId != seat.UnitId))
                errors[nameof(SeatForm.RotationOrder)] = text["Setup.Error.RotationOrderTaken", order];
        }
        if (errors.Count == 0 && council.Members.Any(m => m.Role == seat.Role && m.UnitId == seat.UnitId && m.PersonId == seat.PersonId && Overlaps(m, seat)))
            errors[""] = text["Setup.Error.SeatOverlaps"];
        if (errors.Count > 0) return SaveResult<SeatForm>.Invalid(errors);

        council.Members.Add(seat);
        await db.SaveChangesAsync(ct);
        return SaveResult<SeatForm>.Saved(seat.Id);
    }

    /// <summary>
    /// Adds a member seat (委员, part-time) from <paramref name="termFrom"/> for each unit, held by the unit's Party leader with
    /// its liaison, the way a new council's roster is entered. A unit that already holds a member seat overlapping that term
    /// is skipped and named. With <paramref name="rotate"/>, units without a place in the rotating-chair order take the next
    /// places in the order given. Nothing is added when a unit is not the council's to seat.
    /// </summary>
    public async Task<BulkSeatResult> AddUnitSeatsAsync(int councilId, IReadOnlyList<int> unitIds, DateOnly? termFrom, bool rotate,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var council = await ManagedCouncilAsync(db, councilId, tracked: true, ct);
        if (council is null) return new BulkSeatResult(SaveStatus.NotFound, 0, [], new Dictionary<string, string> { [""] = text["Detail.NotFound"] });

        var errors = new Dictionary<string, string>();
        var ids = unitIds.Distinct().ToList();
        if (ids.Count == 0) errors[BulkSeatResult.UnitsField] = text["Setup.Error.UnitsRequired"];
        if (termFrom is null) errors[nameof(SeatForm.TermFrom)] = shared["Common.Required", text["Roster.Term"]];
        var units = await EligibleUnits(db, council.StreetId, council.CommunityId).AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.Name, u.LeaderPersonId, u.LiaisonPersonId }).ToListAsync(ct);
        if (units.Count != ids.Count) errors[BulkSeatResult.UnitsField] = text["Setup.Error.UnitNotEligible"];
        if (errors.Count > 0) return BulkSeatResult.Invalid(errors);

        var nextOrder = (council.Members.Max(m => m.RotationOrder) ?? 0) + 1;
        var skipped = new List<string>();
        var added = 0;
        foreach (var unit in ids.Select(id => units.Single(u => u.Id == id)))
        {
            var seat = new CouncilMember
            {
                CouncilId = council.Id, UnitId = unit.Id, PersonId = unit.LeaderPersonId, LiaisonPersonId = unit.LiaisonPersonId,
                Role = CouncilRole.Member, IsPartTime = true, TermFrom = termFrom!.Value,
            };
            if (council.Members.Any(m => m.UnitId == unit.Id && m.Role == CouncilRole.Member && Overlaps(m, seat)))
            {
                skipped.Add(unit.Name);
                continue;
            }
            if (rotate && nextOrder <= RotationOrderMax)
                seat.RotationOrder = council.Members.FirstOrDefault(m => m.UnitId == unit.Id && m.RotationOrder is not null)?.RotationOrder ?? nextOrder++;
            council.Members.Add(seat);
            added++;
        }
        if (added > 0) await db.SaveChangesAsync(ct);
        return new BulkSeatResult(SaveStatus.Saved, added, skipped, new Dictionary<string, string>());
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
            allow: (caller, _) => Managed(caller, council),
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
            allow: (caller, _) => Managed(caller, council),
            run: (_, seat, db) =>
            {
                if (held.Any(start => seat.IsSittingOn(DateOnly.FromDateTime(PortalTime.ToLocal(start)))))
                    return Result.Invalid(Message.Of<CouncilsText>("Setup.Error.SeatHasHistory"));
                db.CouncilMembers.Remove(seat);
                return null;
            },
            ToSeatForm, SeatTexts, ct: ct);
    }

    /// <summary>A seat the caller may not manage is reported like one that does not exist; a stale version is a conflict.</summary>
    private static readonly CommandTexts SeatTexts = new(Message.Of<CouncilsText>("Detail.NotFound"), Message.Of<CouncilsText>("Setup.Seat.Changed"));

    private static Result? Managed(Caller caller, Council? council) =>
        caller.IsSignedIn && council is not null && CouncilAccess.CanManage(caller.Policy, council) ? null : Result.NotFound(SeatTexts.NotFound);

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

    private async Task<Council?> ManagedCouncilAsync(PortalDbContext db, int councilId, bool tracked, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        if (!caller.IsSignedIn) return null;
        IQueryable<Council> councils = db.Councils.Include(c => c.Members);
        if (!tracked) councils = councils.AsNoTracking();
        var council = await councils.SingleOrDefaultAsync(c => c.Id == councilId, ct);
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
