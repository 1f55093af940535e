namespace Portal.Web.Features.Councils;

public static class AttendanceExtensions
{
    public static IServiceCollection AddPortalCouncilAttendance(this IServiceCollection services)
    {
        services.AddScoped<AttendanceService>();
        return services;
    }
}
