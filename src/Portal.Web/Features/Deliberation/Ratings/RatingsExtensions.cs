using Portal.Web.Kit.Sections;

namespace Portal.Web.Features.Deliberation.Ratings;

public static class RatingsExtensions
{
    public static IServiceCollection AddPortalDeliberationRatings(this IServiceCollection services) =>
        services.AddScoped<RatingService>().AddPageSection<SessionRatingSection>(SessionPageSlot.AfterTimeline)
            .AddSessionArchiveSection<RatingArchiveSection>();
}
