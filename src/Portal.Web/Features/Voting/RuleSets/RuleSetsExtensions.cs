using Portal.Web.Data;

namespace Portal.Web.Features.Voting.RuleSets;

public static class RuleSetsExtensions
{
    /// <summary>The stored rule sets: the service, and the seeder that stores the shipped versions.</summary>
    public static IServiceCollection AddPortalVotingRuleSets(this IServiceCollection services)
    {
        services.AddScoped<RuleSetService>();
        services.AddSingleton<IStartupSeeder, ShippedRuleSetSeeder>();
        return services;
    }
}
