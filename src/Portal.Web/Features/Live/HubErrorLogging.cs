using Microsoft.AspNetCore.SignalR;
using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Live;

/// <summary>A hub call the caller may not make: shown to the client as a hub error, logged as a warning (no stack trace).</summary>
public sealed class HubCallRefusedException(string message) : HubException(message);

/// <summary>
/// How failed hub calls are logged, for every hub (the live hub and Blazor's circuit hub). SignalR's own dispatcher
/// logs every exception a hub method throws at error level with its stack trace, so any signed-in client could fill the
/// log by joining topics it may not read (issue 10, item 6). The dispatcher's error entries are therefore switched off
/// (<see cref="LiveExtensions"/>) and written here instead: a refusal is a warning without a stack trace, at most one
/// per connection and <see cref="RefusalLogInterval"/> (the next one says how many were left out); anything else is an
/// error with its stack trace, as before. The client gets the same error either way.
/// </summary>
public sealed class HubErrorLogging(ILogger<HubErrorLogging> logger, TimeProvider time) : IHubFilter
{
    public static readonly TimeSpan RefusalLogInterval = TimeSpan.FromMinutes(1);

    private static readonly object RefusalsKey = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (HubCallRefusedException refused)
        {
            LogRefusal(invocationContext, refused);
            throw;
        }
        catch (OperationCanceledException) when (invocationContext.Context.ConnectionAborted.IsCancellationRequested)
        {
            // The client went away mid-call: nothing to report.
            throw;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Hub method {Hub}.{Method} failed for {User} on connection {ConnectionId}",
                invocationContext.Hub.GetType().Name, invocationContext.HubMethodName, UserOf(invocationContext.Context), invocationContext.Context.ConnectionId);
            throw;
        }
    }

    private void LogRefusal(HubInvocationContext invocation, HubCallRefusedException refused)
    {
        var context = invocation.Context;
        var refusals = (LogInterval)context.Items.GetOrAdd(RefusalsKey, _ => new LogInterval(RefusalLogInterval));
        if (!refusals.TryTake(time.GetUtcNow(), out var leftOut)) return;
        logger.LogWarning("Refused {Hub}.{Method}({Argument}) for {User} on connection {ConnectionId}: {Reason} ({LeftOut} more refusals on this connection not logged)",
            invocation.Hub.GetType().Name, invocation.HubMethodName, FirstArgument(invocation), UserOf(context), context.ConnectionId, refused.Message, leftOut);
    }

    /// <summary>The topic, shortened: a client chooses it, so it must not make one log line long.</summary>
    private static string FirstArgument(HubInvocationContext invocation) =>
        invocation.HubMethodArguments.Count > 0 && invocation.HubMethodArguments[0] is string text
            ? text.Length <= 100 ? text : text[..100] + "…"
            : "";

    private static string UserOf(HubCallerContext context) => context.User?.Identity?.Name ?? context.UserIdentifier ?? "(display link)";
}

file static class ItemsExtensions
{
    public static object GetOrAdd(this IDictionary<object, object?> items, object key, Func<object, object> create)
    {
        lock (items)
        {
            if (items.TryGetValue(key, out var existing) && existing is not null) return existing;
            var created = create(key);
            items[key] = created;
            return created;
        }
    }
}
