using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.SignalR;
using Portal.Domain.Access;

namespace Portal.Web.Kit.Callers;

/// <summary>Where each way into the portal sets the caller of its scope (<see cref="CallerScope"/>).</summary>
public static class CallerEntryPoints
{
    public static IServiceCollection AddPortalCallers(this IServiceCollection services)
    {
        // Scoped = per circuit in Blazor, per request or hub call otherwise.
        services.AddScoped<CallerScope>();
        services.AddScoped<CircuitHandler, CallerCircuitHandler>();
        services.Configure<HubOptions>(o => o.AddFilter<CallerHubFilter>());
        return services;
    }

    /// <summary>
    /// HTTP requests: the request's user, once authentication and authorization have run. Also carried in the
    /// async-local <see cref="CurrentActor"/>, which the audit trail of saves outside the unit of work still reads.
    /// </summary>
    public static WebApplication UsePortalCallers(this WebApplication app)
    {
        var actor = app.Services.GetRequiredService<CurrentActor>();
        app.Use((context, next) =>
        {
            actor.Principal = context.User;
            context.RequestServices.GetRequiredService<CallerScope>().Set(context.User);
            return next(context);
        });
        return app;
    }

    /// <summary>
    /// Background work (hosted services, start-up): a service scope whose caller is <see cref="Caller.System"/>, so that
    /// nothing it runs can pick up a user from anywhere.
    /// </summary>
    public static AsyncServiceScope CreateSystemScope(this IServiceScopeFactory scopes)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CallerScope>().Use(Caller.System);
        return scope;
    }
}

/// <summary>
/// Makes the circuit's user the caller of the circuit's scope while each inbound activity runs (and after it: the scope
/// lives as long as the circuit, so a live-event callback between activities finds the same user), and the
/// <see cref="CurrentActor"/> for the audit trail of saves outside the unit of work. Scoped (per circuit).
/// </summary>
public sealed class CallerCircuitHandler(AuthenticationStateProvider authentication, CallerScope callers, CurrentActor actor) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            var principal = (await authentication.GetAuthenticationStateAsync()).User;
            callers.Set(principal);
            actor.Principal = principal;
            await next(context);
        };
}

/// <summary>
/// Makes the connection's user the caller of each hub call's scope (a hub connection has no circuit to ask; a display
/// link's principal has no account and resolves to <see cref="Caller.Anonymous"/>, its claims still on the principal).
/// </summary>
public sealed class CallerHubFilter : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        Set(invocationContext.ServiceProvider, invocationContext.Context);
        return next(invocationContext);
    }

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        Set(context.ServiceProvider, context.Context);
        return next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        Set(context.ServiceProvider, context.Context);
        return next(context, exception);
    }

    private static void Set(IServiceProvider services, HubCallerContext context) =>
        services.GetRequiredService<CallerScope>().Set(context.User ?? new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity()));
}
