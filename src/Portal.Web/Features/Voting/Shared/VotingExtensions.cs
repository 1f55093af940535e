using Portal.Web.Data.Live;
using Portal.Web.Kit.Live;

namespace Portal.Web.Features.Voting;

public static class VotingExtensions
{
    /// <summary>
    /// The Voting area's own services (its kit: the vote channel's events and its read rule). Each slice registers its
    /// own (<c>AddPortalVotes</c>), called from Program: the area kit names no slice (decision 0024).
    /// </summary>
    public static IServiceCollection AddPortalVoting(this IServiceCollection services)
    {
        services.AddSingleton<ILiveEventMapper, VoteLiveEvents>();
        services.AddSingleton<ILiveChannelRule, VoteChannelRule>();
        return services;
    }
}
