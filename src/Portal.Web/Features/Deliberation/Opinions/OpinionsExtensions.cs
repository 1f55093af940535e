using Portal.Web.Data.Live;
using Portal.Web.Kit.Live;
using Portal.Web.Kit.Sections;

namespace Portal.Web.Features.Deliberation.Opinions;

public static class OpinionsExtensions
{
    public static IServiceCollection AddPortalDeliberationOpinions(this IServiceCollection services)
    {
        services.AddScoped<OpinionService>();
        services.AddScoped<PlanService>();
        services.AddSingleton<ILiveEventMapper, OpinionLiveEvents>();
        services.AddSingleton<ILiveChannelRule, OpinionChannelRule>();
        services.AddPageSection<SessionPlanSection>(SessionPageSlot.AfterTimeline);
        services.AddPageSection<SessionOpinionsSection>(SessionPageSlot.AfterTimeline);
        services.AddSessionArchiveSection<OpinionArchiveSection>();
        services.AddSessionArchiveSection<PlanArchiveSection>();
        return services;
    }
}
