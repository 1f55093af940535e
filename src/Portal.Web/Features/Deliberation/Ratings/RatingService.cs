using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Web.Data;
using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Commands;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Deliberation.Ratings;

/// <summary>
/// Residents' ratings of a session's result (群众评事, issue 13 item 10; decision 0036). A manager opens the round of the
/// current step when it needs ratings; residents living inside the matter's scope rate 满意 / 基本满意 / 不满意 with an
/// optional comment, once each, changeable while the window is open; once it has passed the manager closes the round,
/// freezing its counts, and the closed round is the step's <c>Ratings</c> evidence. Rights: <see cref="DeliberationAccess"/>
/// (see and manage as for the session; rate: <see cref="DeliberationAccess.CanRate"/>). Scoped.
/// </summary>
public sealed class RatingService(IDbContextFactory<PortalDbContext> dbFactory, CallerScope callers, UnitOfWork work, TimeProvider clock)
{
    public const string ErrorSessionNotFound = "Deliberation.Error.Rating.SessionNotFound";
    public const string ErrorAlreadyOpened = "Deliberation.Error.Rating.AlreadyOpened";
    public const string ErrorNotInScope = "Deliberation.Error.Rating.NotInScope";
    public const string ErrorRatedMeanwhile = "Deliberation.Error.Rating.RatedMeanwhile";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Opens the rating round of the session's current step (which must need ratings and have none yet).</summary>
    public async Task<Result> OpenAsync(int sessionId, int periodDays, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.DeliberationSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || !caller.IsSignedIn || !DeliberationAccess.CanManage(caller.Policy, session.CommunityId))
            return Result.NotFound(DeliberationText.Of(ErrorSessionNotFound));
        if (session.CurrentStepIndex is { } current && await db.RatingRounds.AnyAsync(r => r.SessionId == sessionId && r.StepIndex == current, ct))
            return Result.Invalid(DeliberationText.Of(ErrorAlreadyOpened));
        try
        {
            return await work.AddAsync<RatingRound, RatingRound>(
                allow: c => DeliberationAccess.CanManage(c.Policy, session.CommunityId) ? null : Result.NotFound(DeliberationText.Of(ErrorSessionNotFound)),
                create: c => DeliberationText.Made(RatingRound.Open(session, c.UserId!, Now, periodDays), e => e == RatingRound.ErrorPeriod ? "PeriodDays" : null),
                ct: ct);
        }
        catch (DbUpdateException)
        {
            // The unique index (session, step): a colleague opened the round a moment earlier.
            return Result.Conflict(DeliberationText.Of(ErrorAlreadyOpened));
        }
    }

    /// <summary>
    /// The caller rates in the round, or changes their rating. Refused, changing nothing: a round the caller cannot see
    /// (not found), a caller who is no resident living in the matter's scope, the window closed or not open, a level
    /// that does not exist, a comment too long.
    /// </summary>
    public async Task<Result> RateAsync(int roundId, RatingLevel level, string? comment, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var read = await dbFactory.CreateDbContextAsync(ct);
        var found = await read.RatingRounds.AsNoTracking().Where(r => r.Id == roundId)
            .Join(read.DeliberationSessions, r => r.SessionId, s => s.Id, (r, s) => new { Round = r, s.CommunityId, s.Scope })
            .SingleOrDefaultAsync(ct);
        if (found is null || !caller.IsSignedIn || !DeliberationAccess.CanSeeCommunity(caller.Policy, found.CommunityId))
            return Result.NotFound(DeliberationText.Of(DeliberationText.NotFound));
        var place = await PlaceOfAsync(read, caller.PersonId, ct);
        if (!DeliberationAccess.CanRate(caller.Policy, found.CommunityId, found.Scope, place))
            return Result.NotAllowed(DeliberationText.Of(ErrorNotInScope));
        var personId = caller.PersonId!.Value;
        var round = found.Round;
        Result? Allowed(Caller c) => DeliberationAccess.CanRate(c.Policy, found.CommunityId, found.Scope, place) && c.PersonId == personId
            ? null : Result.NotAllowed(DeliberationText.Of(ErrorNotInScope));

        var mine = await read.SessionRatings.AsNoTracking().Where(r => r.RoundId == roundId && r.PersonId == personId)
            .Select(r => (Guid?)r.Version).SingleOrDefaultAsync(ct);
        if (mine is { } version)
        {
            return await work.ChangeAsync<SessionRating, SessionRating>(
                load: (db, token) => db.SessionRatings.SingleOrDefaultAsync(r => r.RoundId == roundId && r.PersonId == personId, token),
                version: version,
                allow: (c, _) => Allowed(c),
                run: (_, rating, _) => DeliberationText.Refusal(round.Change(rating, level, comment, Now)),
                current: rating => rating,
                texts: DeliberationText.Commands,
                ct: ct);
        }
        try
        {
            return await work.AddAsync<SessionRating, SessionRating>(
                allow: Allowed,
                create: c => DeliberationText.Made(round.Rate(personId, c.UserId!, level, comment, Now), e => e == RatingRound.ErrorComment ? "Comment" : null),
                ct: ct);
        }
        catch (DbUpdateException)
        {
            // The unique index (round, person): the same person's first rating was saved a moment earlier (another tab,
            // another account of theirs). Never a second rating; they see it and may change it.
            return Result.Conflict(DeliberationText.Of(ErrorRatedMeanwhile));
        }
    }

    /// <summary>Closes the round after its window, freezing the counts of its ratings as the step's evidence (managers).</summary>
    public async Task<Result> CloseAsync(int roundId, Guid version, CancellationToken ct = default)
    {
        var communityId = 0;
        var tally = default(RatingTally);
        return await work.ChangeAsync<RatingRound, RatingRound>(
            load: async (db, token) =>
            {
                var round = await db.RatingRounds.SingleOrDefaultAsync(r => r.Id == roundId, token);
                if (round is null) return null;
                communityId = await db.DeliberationSessions.Where(s => s.Id == round.SessionId).Select(s => s.CommunityId).SingleAsync(token);
                tally = await TallyAsync(db, roundId, token);
                return round;
            },
            version: version,
            allow: (c, _) => c.IsSignedIn && DeliberationAccess.CanManage(c.Policy, communityId) ? null : Result.NotFound(DeliberationText.Of(DeliberationText.NotFound)),
            run: (c, round, _) => DeliberationText.Refusal(round.Close(tally, c.UserId!, Now)),
            current: round => round,
            texts: DeliberationText.Commands,
            ct: ct);
    }

    /// <summary>The session page's rating section as the caller may see it; null when the caller may not see the session.</summary>
    public async Task<SessionRatings?> ForSessionAsync(int sessionId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.DeliberationSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || !caller.IsSignedIn || !DeliberationAccess.CanSeeCommunity(caller.Policy, session.CommunityId)) return null;
        var round = await db.RatingRounds.AsNoTracking().Where(r => r.SessionId == sessionId).OrderByDescending(r => r.StepIndex).FirstOrDefaultAsync(ct);
        var current = session.CurrentStepIndex;
        var stepNeedsRatings = current is { } index && session.Steps[index].RequiredEvidence.Contains(EvidenceKind.Ratings);
        var canOpen = stepNeedsRatings && DeliberationAccess.CanManage(caller.Policy, session.CommunityId) && round?.StepIndex != current;
        var defaultDays = current is { } step && session.Steps[step].TimeLimitDays is { } limit ? Math.Min(limit, RatingRound.PeriodMaxDays) : RatingRound.DefaultPeriodDays;
        if (round is null) return new SessionRatings(sessionId, null, canOpen, defaultDays);

        var manages = DeliberationAccess.CanManage(caller.Policy, session.CommunityId);
        var place = await PlaceOfAsync(db, caller.PersonId, ct);
        var standing = DeliberationAccess.CanRate(caller.Policy, session.CommunityId, session.Scope, place) ? RatingStanding.Rates
            : DeliberationAccess.CanRaise(caller.Policy, session.CommunityId) ? RatingStanding.OutsideScope : RatingStanding.NotResident;
        var mine = caller.PersonId is { } personId
            ? await db.SessionRatings.AsNoTracking().Where(r => r.RoundId == round.Id && r.PersonId == personId)
                .Select(r => new MyRating(r.Level, r.Comment, r.ChangedAtUtc ?? r.RatedAtUtc, r.Version)).SingleOrDefaultAsync(ct)
            : null;
        // Comments are read by the managers only, and without names (decision 0036); the newest first, a page's worth.
        var comments = manages
            ? (await db.SessionRatings.AsNoTracking().Where(r => r.RoundId == round.Id && r.Comment != null)
                .OrderByDescending(r => r.ChangedAtUtc ?? r.RatedAtUtc).ThenByDescending(r => r.Id).Take(CommentsShown)
                .Select(r => new { r.Level, r.Comment, At = r.ChangedAtUtc ?? r.RatedAtUtc }).ToListAsync(ct))
                .Select(r => new RatingComment(r.Level, r.Comment!, r.At)).ToList()
            : [];
        var tally = round.Final ?? await TallyAsync(db, round.Id, ct);
        var view = new RatingRoundView(round.Id, sessionId, round.StepIndex, session.Steps[round.StepIndex].Name, round.OpenedAtUtc, round.PeriodDays,
            round.EndsAtUtc, round.IsInWindow(Now), round.ClosedAtUtc, tally, mine, standing, manages, comments, round.Version);
        return new SessionRatings(sessionId, view, canOpen, defaultDays);
    }

    /// <summary>How many comments the section lists (the newest); the archive document carries them all.</summary>
    public const int CommentsShown = 50;

    /// <summary>The round's counts, counted in the database (the live counts of an open round; a closed one has them frozen).</summary>
    internal static async Task<RatingTally> TallyAsync(PortalDbContext db, int roundId, CancellationToken ct)
    {
        var counts = await db.SessionRatings.Where(r => r.RoundId == roundId).GroupBy(r => r.Level)
            .Select(g => new { Level = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(RatingLevel level) => counts.SingleOrDefault(c => c.Level == level)?.Count ?? 0;
        return new RatingTally(Of(RatingLevel.Satisfied), Of(RatingLevel.BasicallySatisfied), Of(RatingLevel.Dissatisfied));
    }

    /// <summary>Where the caller's linked person lives, from the directory (null: no linked person, or not found).</summary>
    private static async Task<ResidencePlace?> PlaceOfAsync(PortalDbContext db, int? personId, CancellationToken ct) =>
        personId is not { } id ? null : await db.People.AsNoTracking().Where(p => p.Id == id)
            .Select(p => p.Household != null
                ? new ResidencePlace(p.Household.Building!.Grid!.CommunityId, p.Household.Building.GridId, p.Household.BuildingId, p.Household.Building.PropertyAreaId)
                : new ResidencePlace(p.ResidenceCommunityId, p.GridId, null, null))
            .SingleOrDefaultAsync(ct);
}
