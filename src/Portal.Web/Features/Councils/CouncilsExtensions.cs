using Portal.Web.Data.Live;

namespace Portal.Web.Features.Councils;

public static class CouncilsExtensions
{
    /// <summary>
    /// The Councils area's own services (its kit: the council service, the meeting channel's events). Each slice of the
    /// area registers its own (<c>AddPortalCouncilSetup</c>, <c>…Meetings</c>, <c>…Attendance</c>, <c>…Display</c>,
    /// <c>…Topics</c>, <c>…Minutes</c>, <c>…Review</c>), called from Program: the area kit names no slice (decision 0024).
    /// </summary>
    public static IServiceCollection AddPortalCouncils(this IServiceCollection services)
    {
        // Scoped = per circuit in Blazor, per request otherwise; the service checks the caller's access on every call.
        services.AddScoped<CouncilService>();
        services.AddSingleton<ILiveEventMapper, MeetingLiveEvents>();
        return services;
    }
}
