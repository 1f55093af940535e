namespace Portal.Web.Features.Councils.Meetings;

public static class MeetingsExtensions
{
    public static IServiceCollection AddPortalCouncilMeetings(this IServiceCollection services)
    {
        // Singleton: one lock per meeting shared by every circuit and request of this node (see the class).
        services.AddSingleton<MeetingAgendaCoordinator>();
        services.AddScoped<MeetingLiveService>();
        return services;
    }
}
