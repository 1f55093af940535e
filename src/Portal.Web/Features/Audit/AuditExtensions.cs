namespace Portal.Web.Features.Audit;

public static class AuditExtensions
{
    public static IServiceCollection AddPortalAudit(this IServiceCollection services)
    {
        return services;
    }

    public static WebApplication MapPortalAudit(this WebApplication app)
    {
        return app;
    }
}
