using Portal.Web.Data.Live;
using Portal.Web.Features.Deliberation.Meetings.Pages;
using Portal.Web.Kit.Live;
using Portal.Web.Kit.Sections;

namespace Portal.Web.Features.Deliberation.Meetings;

public static class MeetingsExtensions
{
    public static IServiceCollection AddPortalDeliberationMeetings(this IServiceCollection services)
    {
        services.AddSingleton<ILiveEventMapper, DeliberationMeetingLiveEvents>();
        services.AddSingleton<ILiveChannelRule, DeliberationMeetingChannelRule>();
        services.AddSessionArchiveSection<MeetingArchiveSection>();
        return services.AddScoped<MeetingService>().AddPageSection<SessionMeetingsSection>(SessionPageSlot.AfterTimeline);
    }
}
