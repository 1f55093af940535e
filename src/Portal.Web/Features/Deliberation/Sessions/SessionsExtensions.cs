namespace Portal.Web.Features.Deliberation.Sessions;

public static class SessionsExtensions
{
    public static IServiceCollection AddPortalDeliberationSessions(this IServiceCollection services) => services.AddScoped<SessionService>();
}
