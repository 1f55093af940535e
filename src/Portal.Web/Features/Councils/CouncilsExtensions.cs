using Portal.Web.Data.Live;
using Portal.Web.Features.Councils.Display;

namespace Portal.Web.Features.Councils;

public static class CouncilsExtensions
{
    public static IServiceCollection AddPortalCouncils(this IServiceCollection services)
    {
        // Scoped = per circuit in Blazor, per request otherwise; the service checks the caller's access on every call.
        services.AddScoped<CouncilService>();
        services.AddScoped<Setup.CouncilSetupService>();
        // Singleton: one lock per meeting shared by every circuit and request of this node (see the class).
        services.AddSingleton<Meetings.MeetingAgendaCoordinator>();
        services.AddScoped<Meetings.MeetingLiveService>();
        services.AddSingleton<ILiveEventMapper, MeetingLiveEvents>();
        services.AddScoped<Attendances.AttendanceService>();
        services.AddPortalCouncilDisplay();
        services.AddScoped<Review.ReviewService>();
        services.AddScoped<Topics.TopicService>();
        services.AddScoped<Minutes.MinutesService>();
        // Singleton like WorkItemNotifier: told who acted, keeps no caller of its own.
        services.AddSingleton<Topics.CouncilNotifier>();
        return services;
    }
}
