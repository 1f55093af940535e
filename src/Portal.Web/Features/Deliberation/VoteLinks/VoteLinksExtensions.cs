using Portal.Web.Kit.Sections;

namespace Portal.Web.Features.Deliberation.VoteLinks;

public static class VoteLinksExtensions
{
    public static IServiceCollection AddPortalDeliberationVoteLinks(this IServiceCollection services) => services.AddScoped<VoteLinkService>().AddPageSection<SessionVoteSection>(SessionPageSlot.AfterTimeline)
        .AddSessionArchiveSection<VoteArchiveSection>();
}
