namespace Portal.Web.Features.Voting.Votes;

public static class VotesExtensions
{
    public static IServiceCollection AddPortalVotes(this IServiceCollection services)
    {
        services.AddScoped<VoteService>();
        services.AddSingleton<VoteCloser>();
        services.AddHostedService(sp => sp.GetRequiredService<VoteCloser>());
        return services;
    }
}
