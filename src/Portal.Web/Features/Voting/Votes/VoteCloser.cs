using Portal.Web.Kit.Jobs;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Voting;
using Portal.Web.Data;
using Portal.Web.Kit.Callers;

namespace Portal.Web.Features.Voting.Votes;

/// <summary>
/// Closes votes at their deadline: every interval (Voting:CloserIntervalSeconds, default 30) the open votes whose closing
/// time has passed are closed through <see cref="VoteService.CloseDueAsync"/> as <see cref="Caller.System"/>, each in a
/// scope of its own, so the close and its verdict go through the same unit of work as a manual close. A vote closed by
/// hand meanwhile is a conflict and is skipped; a failed round is logged and the next one tries again.
/// </summary>
public sealed class VoteCloser(
    IServiceScopeFactory scopes,
    IDbContextFactory<PortalDbContext> dbFactory,
    TimeProvider clock,
    IConfiguration configuration,
    ILogger<VoteCloser> logger) : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Voting:CloserIntervalSeconds", 30)));

    /// <summary>One round: closes every vote that is due. Returns how many were closed.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        List<(int Id, Guid Version)> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = (await db.Votes.AsNoTracking().Where(v => v.Status == VoteStatus.Open && v.ClosesAtUtc <= now)
                .OrderBy(v => v.ClosesAtUtc).Select(v => new { v.Id, v.Version }).ToListAsync(ct)).Select(v => (v.Id, v.Version)).ToList();
        }
        var closed = 0;
        foreach (var (id, version) in due)
        {
            await using var scope = scopes.CreateSystemScope();
            var result = await scope.ServiceProvider.GetRequiredService<VoteService>().CloseDueAsync(id, version, ct);
            if (result.Succeeded) closed++;
            else Logger.LogInformation("Vote {VoteId} was not closed at its deadline: {Outcome}", id, result.Outcome);
        }
        return closed;
    }
}
