using Portal.Web.Data;

namespace Portal.Web.Features.Deliberation.Templates;

public static class TemplatesExtensions
{
    public static IServiceCollection AddPortalDeliberationTemplates(this IServiceCollection services)
    {
        services.AddScoped<TemplateService>();
        services.AddSingleton<IStartupSeeder, ShippedProcedureSeeder>();
        return services;
    }
}
