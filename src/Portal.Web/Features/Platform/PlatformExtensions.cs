using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Web.Components;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Platform;

public static class PlatformExtensions
{
    /// <summary>
    /// The largest message a browser may send over its Blazor circuit (decision 0017). A form field's whole value
    /// travels in one message, JSON-escaped: a Chinese character takes 3 bytes, the worst character 6 (<c>\u0001</c>).
    /// The largest field (minutes, 50,000 characters) is 150 KB in Chinese and 300 KB at worst, so 1 MB lets every stated
    /// limit through with room for a text several times too long to arrive and get its field's message. The framework's
    /// default of 32 KB ended the circuit at 11,000 Chinese characters and lost the text. portal.js keeps any one value
    /// under this limit, so no input in a page can end the circuit.
    /// </summary>
    public const long CircuitMessageSizeLimit = 1024 * 1024;

    public static IServiceCollection AddPortalPlatform(this IServiceCollection services, IWebHostEnvironment environment)
    {
        services.AddRazorComponents()
            .AddInteractiveServerComponents(o => o.DetailedErrors = environment.IsDevelopment())
            .AddHubOptions(o => o.MaximumReceiveMessageSize = CircuitMessageSizeLimit);
        services.AddHttpContextAccessor();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddSingleton<IStartupSeeder, DemoDataSeeder>();
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        // The server's name and version help nobody but someone looking for a known flaw.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);
        return services;
    }

    public static WebApplication UsePortalPlatform(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStatusCodePagesWithReExecute("/not-found");
        // The "not found" page is for people. API and hub callers keep the bare status code: re-executing their
        // 401/403 as the page would answer HTML, and a POST (SignalR negotiate) would fail the page's antiforgery check with 400.
        app.Use((context, next) =>
        {
            if (AccountsExtensions.IsApiPath(context.Request.Path) && context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
                statusCodePages.Enabled = false;
            return next(context);
        });
        return app;
    }

    /// <summary>
    /// /health answers 200 when the database is reachable, 503 otherwise, with a small JSON report per check; no
    /// sign-in needed. Exception details stay in the log: monitors need the verdict, not the connection string.
    /// </summary>
    public static WebApplication MapPortalHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = (context, report) =>
            {
                context.Response.ContentType = "application/json; charset=utf-8";
                return context.Response.WriteAsJsonAsync(new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.Select(e => new
                    {
                        name = e.Key,
                        status = e.Value.Status.ToString(),
                        description = e.Value.Description,
                        durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                    }),
                });
            },
        }).AllowAnonymous();
        return app;
    }

    public static WebApplication MapPortalComponents(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
