using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Councils;
using Portal.Web.Data;
using Portal.Web.Kit.Callers;
using Portal.Web.Data.Live;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Councils;

/// <summary>
/// Attendance at council meetings (签到): the expected list (应到: everyone with a seat on the meeting's local day), self
/// check-in by QR code for signed-in participants, and marking present by those who steer the meeting. Every change is
/// stored with its live event on the meeting's channel in one transaction, so the panel, the live meeting page and the
/// projector update. Commands answer a <see cref="Result{T}"/> whose messages are keys (the domain's in
/// <see cref="CouncilsText"/>, this feature's in <see cref="AttendanceText"/>), localized at the edge.
/// Rights come from <see cref="CouncilAccess"/> on every call. Scoped.
/// </summary>
public sealed class AttendanceService(
    IDbContextFactory<PortalDbContext> dbFactory,
    CallerScope callers,
    TimeProvider clock,
    ILogger<AttendanceService> logger)
{
    // Resource keys of AttendanceText.
    public const string NotFound = "Attendance.Error.NotFound";
    public const string NotParticipant = "Attendance.Error.NotParticipant";
    public const string NoPerson = "Attendance.Error.NoPerson";
    public const string NotSteering = "Attendance.Error.NotSteering";
    public const string PersonNotListed = "Attendance.Error.PersonNotListed";
    public const string Busy = "Attendance.Error.Busy";

    /// <summary>The list and figures; null when the meeting does not exist, cannot be seen, or the caller does not take part.</summary>
    public async Task<AttendanceView?> LoadAsync(int meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await callers.GetAsync(ct);
        // Read before the list, so the list includes at least every change up to it (the panel ignores older figures).
        var sequence = await db.LiveChannels.LastSequenceAsync(MeetingChannels.For(meetingId), ct);
        var loaded = await CouncilAccess.LoadMeetingAsync(db, caller, meetingId, ct, withAgenda: false, tracked: true);
        // The list names people and their units: participants only, not everyone who can see the council.
        if (loaded is not { } l || !l.Rights.CanParticipate) return null;
        await EnsureExpectedSavedAsync(db, l.Council, l.Meeting, ct);
        return await ViewAsync(db, l.Meeting, l.Rights, sequence, ct);
    }

    /// <summary>What the check-in page shows; null when the meeting does not exist or the caller may not see its council.</summary>
    public async Task<CheckInInfo?> CheckInInfoAsync(int meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await callers.GetAsync(ct);
        if (await CouncilAccess.LoadMeetingAsync(db, caller, meetingId, ct, withAgenda: false) is not { } access) return null;
        var meeting = access.Meeting;
        var own = caller.PersonId is { } p ? meeting.Attendances.FirstOrDefault(a => a.PersonId == p) : null;
        return new CheckInInfo(meeting.Id, access.Council.Name, meeting.Title, meeting.Status, meeting.StartsAtUtc, meeting.EndsAtUtc,
            meeting.Location ?? access.Council.DefaultLocation, access.Rights.CanParticipate, own?.CheckedInAtUtc);
    }

    /// <summary>
    /// The signed-in participant checks in (<see cref="CheckInWay.QrCode"/>). A participant who is not on the expected list
    /// (a liaison standing in, a manager) checks in as a guest (列席), which the rate does not count.
    /// </summary>
    public Task<Result<AttendanceStored>> SelfCheckInAsync(int meetingId, CancellationToken ct = default) =>
        ChangeAsync(meetingId, ct, (caller, loaded) =>
        {
            if (!loaded.Rights.CanParticipate) return (null, Result.NotAllowed(Own(NotParticipant)));
            if (caller.PersonId is not { } personId) return (null, Result.NotAllowed(Own(NoPerson)));
            var row = loaded.Meeting.Attendances.FirstOrDefault(a => a.PersonId == personId);
            if (row is null)
            {
                row = new Attendance
                {
                    MeetingId = meetingId, PersonId = personId, IsExpected = false, UnitId = SeatUnitOf(loaded.Council, loaded.Meeting, personId),
                };
                var guestError = AttendanceRules.CheckIn(loaded.Meeting, row, CheckInWay.QrCode, Now, null);
                if (guestError is not null) return (null, Ruled(guestError));
                loaded.Meeting.Attendances.Add(row);
                return (row, null);
            }
            var error = AttendanceRules.CheckIn(loaded.Meeting, row, CheckInWay.QrCode, Now, null);
            return error is null ? (row, null) : (null, Ruled(error));
        });

    /// <summary>One who steers the meeting marks a listed person present (<see cref="CheckInWay.MarkedBySecretary"/>).</summary>
    public Task<Result<AttendanceStored>> MarkPresentAsync(int meetingId, int personId, CancellationToken ct = default) =>
        ChangeAsync(meetingId, ct, (caller, loaded) =>
        {
            if (!loaded.Rights.CanSteer) return (null, Result.NotAllowed(Own(NotSteering)));
            var row = loaded.Meeting.Attendances.FirstOrDefault(a => a.PersonId == personId);
            if (row is null) return (null, Result.Invalid(Own(PersonNotListed)));
            var error = AttendanceRules.CheckIn(loaded.Meeting, row, CheckInWay.MarkedBySecretary, Now, caller.UserId);
            return error is null ? (row, null) : (null, Ruled(error));
        });

    /// <summary>
    /// Brings the expected list (应到) of a meeting still ahead or under way in line with the roster of its day: adds a row
    /// for everyone with a seat that is missing one, and drops the rows of people whose seat has since ended or been removed
    /// (unless they checked in or sent apologies, which stay on record). Idempotent; the caller saves. Held meetings keep the
    /// list they were held with. Used by the service and by the projector's snapshot, whichever reads a meeting first.
    /// </summary>
    public static bool SyncExpected(Council council, Meeting meeting)
    {
        if (meeting.Status is not (MeetingStatus.Scheduled or MeetingStatus.AgendaConfirmed or MeetingStatus.InProgress)) return false;
        var day = CouncilAccess.DayOf(meeting);
        var expected = CouncilRoster.ExpectedPersonsOn(council.Members, day);
        var changed = false;
        foreach (var stale in meeting.Attendances.Where(a => a.IsExpected && a.CheckedInAtUtc is null && a.LeaveReason is null && !expected.Contains(a.PersonId)).ToList())
        {
            meeting.Attendances.Remove(stale);
            changed = true;
        }
        foreach (var personId in expected)
        {
            if (meeting.Attendances.Any(a => a.PersonId == personId)) continue;
            meeting.Attendances.Add(new Attendance
            {
                MeetingId = meeting.Id, PersonId = personId, IsExpected = true,
                UnitId = council.Members.FirstOrDefault(m => m.PersonId == personId && m.UnitId is not null && m.IsSittingOn(day))?.UnitId,
            });
            changed = true;
        }
        return changed;
    }

    /// <summary>
    /// <see cref="SyncExpected"/> and save. Two first readers at once may both insert (the unique index refuses the second)
    /// or both delete (the second deletes nothing); the loser's changes are dropped and the rows simply read back.
    /// </summary>
    public static async Task EnsureExpectedSavedAsync(PortalDbContext db, Council council, Meeting meeting, CancellationToken ct)
    {
        if (!SyncExpected(council, meeting)) return;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            foreach (var entry in db.ChangeTracker.Entries<Attendance>().Where(e => e.State is EntityState.Added or EntityState.Deleted).ToList())
            {
                meeting.Attendances.Remove(entry.Entity);
                entry.State = EntityState.Detached;
            }
            await db.Entry(meeting).Collection(m => m.Attendances).LoadAsync(ct);
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// One attendance change and its live event in one transaction. The meeting's row is locked first (a no-op update:
    /// PostgreSQL holds the row lock, SQLite's transaction holds the write lock from its start), so changes to one
    /// meeting's attendance run one after another and each reads the list as the one before it left it: the figures its
    /// event carries are those after this change and every earlier one, in the order of the events' sequence numbers.
    /// </summary>
    private async Task<Result<AttendanceStored>> ChangeAsync(int meetingId, CancellationToken ct,
        Func<Caller, MeetingAccess, (Attendance? Row, Result? Refused)> change)
    {
        // Two attempts: a concurrent first check-in of the same guest, or a concurrent first load, trips the unique index once.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var caller = await callers.GetAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Meetings.Where(m => m.Id == meetingId).ExecuteUpdateAsync(m => m.SetProperty(x => x.Version, x => x.Version), ct);
            if (await CouncilAccess.LoadMeetingAsync(db, caller, meetingId, ct, withAgenda: false, tracked: true) is not { } loaded)
                return Result<AttendanceStored>.NotFound(Own(NotFound));
            // Saved with the change (not on its own): a clash with a concurrent first load fails this transaction as a whole.
            SyncExpected(loaded.Council, loaded.Meeting);
            var (row, refused) = change(caller, loaded);
            if (row is null) return Result<AttendanceStored>.From(refused ?? Result.NotFound(Own(NotFound)));
            // The figures are those of the list as this change leaves it (read under the lock); one save stores both.
            var payload = await ChangeOfAsync(db, loaded.Meeting, row, ct);
            db.Publish(LiveEventDraft.Of(MeetingChannels.For(meetingId), MeetingChannels.AttendanceChangedType, payload));
            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            catch (DbUpdateException ex) when (attempt < 2)
            {
                logger.LogInformation(ex, "Attendance change for meeting {MeetingId} collided; retrying", meetingId);
                continue;
            }
            catch (DbUpdateException)
            {
                return Result<AttendanceStored>.From(Result.Conflict(Own(Busy)));
            }
            var sequence = db.LiveEvents.Local.Single(e => e.Type == MeetingChannels.AttendanceChangedType).Sequence;
            return Result<AttendanceStored>.Ok(new AttendanceStored(payload, sequence), row.Id);
        }
    }

    private static Message Own(string key) => Message.Of<AttendanceText>(key);

    /// <summary>The domain's refusal of a check-in (its codes are keys of the council texts): the state refuses it.</summary>
    private static Result Ruled(string code) => Result.Invalid(Message.Of<CouncilsText>(code));

    private static int? SeatUnitOf(Council council, Meeting meeting, int personId)
    {
        var day = CouncilAccess.DayOf(meeting);
        return council.Members.FirstOrDefault(m => m.UnitId is not null && m.IsSittingOn(day) && (m.PersonId == personId || m.LiaisonPersonId == personId))?.UnitId;
    }

    private static async Task<AttendanceChanged> ChangeOfAsync(PortalDbContext db, Meeting meeting, Attendance row, CancellationToken ct)
    {
        var name = await db.People.AsNoTracking().Where(p => p.Id == row.PersonId).Select(p => p.Name).SingleAsync(ct);
        var unit = row.UnitId is { } u ? await db.Units.AsNoTracking().Where(x => x.Id == u).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        var figures = AttendanceRules.Figures(meeting.Attendances);
        return new AttendanceChanged(row.PersonId, name, unit, row.IsExpected, row.CheckedInAtUtc, row.Way,
            figures.Expected, figures.Present, figures.Guests, figures.RatePercent);
    }

    private static async Task<AttendanceView> ViewAsync(PortalDbContext db, Meeting meeting, MeetingRights rights, long sequence, CancellationToken ct)
    {
        var personIds = meeting.Attendances.Select(a => a.PersonId).Distinct().ToList();
        var unitIds = meeting.Attendances.Select(a => a.UnitId).OfType<int>().Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var units = await db.Units.AsNoTracking().Where(x => unitIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var rows = meeting.Attendances
            .Select(a => new AttendanceRow(a.PersonId, people.GetValueOrDefault(a.PersonId, ""), a.UnitId is { } u ? units.GetValueOrDefault(u) : null,
                a.IsExpected, a.CheckedInAtUtc, a.Way, a.LeaveReason))
            .OrderByDescending(r => r.IsExpected).ThenBy(r => r.UnitName is null).ThenBy(r => r.UnitName, StringComparer.Ordinal)
            .ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        return new AttendanceView(meeting.Id, meeting.Title, meeting.Status, AttendanceRules.Figures(meeting.Attendances), rows, rights.CanSteer,
            rights.CanSteer && AttendanceRules.TakesCheckIns(meeting.Status, CheckInWay.MarkedBySecretary), sequence);
    }
}
