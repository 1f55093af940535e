using Portal.Web.Components.Shared;
using Microsoft.AspNetCore.SignalR;

namespace Portal.Web.Kit.Live;

/// <summary>A hub call the caller may not make: shown to the client as a hub error, logged as a warning (no stack trace).</summary>
public sealed class HubCallRefusedException(string message) : HubException(message);

/// <summary>
/// How failed hub calls are logged, for every hub (the live hub and Blazor's circuit hub). SignalR's own dispatcher
/// logs every exception a hub method throws at error level with its stack trace, so any signed-in client could fill the
/// log by repeating a call that fails (issue 10, item 6). The dispatcher's error entries are therefore switched off
/// (<see cref="LiveExtensions"/>) and written here instead, at most one per connection and <see cref="FailureLogInterval"/>
/// (the next one says how many were left out): a refusal is a warning without a stack trace; anything else is an error
/// with its stack trace, as before. The client gets the same error either way. A failed connect or disconnect is logged here
/// too, and only here: SignalR's connection handler's entry for it is switched off as well, and a failed disconnect is not
/// thrown on (the connection is gone; its disposal would log it once more).
/// </summary>
public sealed class HubErrorLogging(ILogger<HubErrorLogging> logger, TimeProvider time) : IHubFilter
{
    public static readonly TimeSpan FailureLogInterval = TimeSpan.FromMinutes(1);

    private static readonly object FailuresKey = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (OperationCanceledException) when (invocationContext.Context.ConnectionAborted.IsCancellationRequested)
        {
            // The client went away mid-call: nothing to report.
            throw;
        }
        catch (Exception e)
        {
            Log(invocationContext.Context, invocationContext.Hub, invocationContext.HubMethodName, FirstArgument(invocationContext), e);
            throw;
        }
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e)
        {
            Log(context.Context, context.Hub, nameof(Hub.OnConnectedAsync), "", e);
            throw;
        }
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        try
        {
            await next(context, exception);
        }
        catch (Exception e)
        {
            // Logged here, not thrown on: the connection is gone either way, and SignalR would only log the failure again
            // while disposing of the connection (an error with its stack trace, for every connection).
            Log(context.Context, context.Hub, nameof(Hub.OnDisconnectedAsync), "", e);
        }
    }

    private void Log(HubCallerContext context, Hub hub, string method, string argument, Exception failure)
    {
        if (!FailuresOf(context).TryTake(time.GetUtcNow(), out var leftOut)) return;
        var hubName = hub.GetType().Name;
        if (failure is HubCallRefusedException)
            logger.LogWarning("Refused {Hub}.{Method}({Argument}) for {User} on connection {ConnectionId}: {Reason} ({LeftOut} more failed calls on this connection not logged)",
                hubName, method, argument, UserOf(context), context.ConnectionId, failure.Message, leftOut);
        else
            logger.LogError(failure, "Hub method {Hub}.{Method} failed for {User} on connection {ConnectionId} ({LeftOut} more failed calls on this connection not logged)",
                hubName, method, UserOf(context), context.ConnectionId, leftOut);
    }

    private static LogInterval FailuresOf(HubCallerContext context)
    {
        var items = context.Items;
        lock (items)
        {
            if (items.TryGetValue(FailuresKey, out var existing) && existing is LogInterval failures) return failures;
            var created = new LogInterval(FailureLogInterval);
            items[FailuresKey] = created;
            return created;
        }
    }

    /// <summary>The channel, shortened: a client chooses it, so it must not make one log line long.</summary>
    private static string FirstArgument(HubInvocationContext invocation) =>
        invocation.HubMethodArguments.Count > 0 && invocation.HubMethodArguments[0] is string text
            ? text.Length <= 100 ? text : text[..100] + "…"
            : "";

    private static string UserOf(HubCallerContext context) => context.User?.Identity?.Name ?? context.UserIdentifier ?? "(display link)";
}
