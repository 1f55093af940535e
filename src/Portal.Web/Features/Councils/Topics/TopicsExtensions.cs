using Portal.Web.Kit.Sections;
using Portal.Web.Data;

namespace Portal.Web.Features.Councils.Topics;

public static class TopicsExtensions
{
    public static IServiceCollection AddPortalCouncilTopics(this IServiceCollection services)
    {
        services.AddScoped<TopicService>();
        // Singleton like the Lists' WorkItemNotifier: a handler of the council's domain events, keeps no caller of its own.
        services.AddSingleton<IDomainEventHandler, CouncilNotifier>();
        services.AddPageSection<CouncilTopicsSection>(CouncilPageSlot.Calendar).AddPageSection<MeetingTopicsLink>(CouncilPageSlot.MeetingRow);
        return services;
    }
}
