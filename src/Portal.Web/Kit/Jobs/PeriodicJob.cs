namespace Portal.Web.Kit.Jobs;

/// <summary>
/// A background job that runs one round every <see cref="Interval"/> (the deadline monitor, the vote closer). A failed
/// round (the database briefly away) is logged and the next one tries again: one failure must not stop the job for good.
/// Tests call <see cref="RunOnceAsync"/> directly with their own clock.
/// </summary>
public abstract class PeriodicJob(TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>The clock and the log of the job, for its rounds too.</summary>
    protected TimeProvider Clock => clock;
    protected ILogger Logger => logger;

    protected abstract TimeSpan Interval { get; }

    /// <summary>One round; returns how many things it did (for tests and logs).</summary>
    public abstract Task<int> RunOnceAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "{Job} round failed", GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
