using Portal.Web.Features.Voting.Votes.Pages.Resident;
using Portal.Web.Features.Voting.Votes.Export;
using Portal.Web.Kit.Files;
using Portal.Web.Kit.Sections;

namespace Portal.Web.Features.Voting.Votes;

public static class VotesExtensions
{
    public static IServiceCollection AddPortalVotes(this IServiceCollection services)
    {
        services.AddScoped<VoteService>();
        services.AddSingleton<VoteCloser>();
        services.AddHostedService(sp => sp.GetRequiredService<VoteCloser>());
        services.AddSingleton<BallotSeal>();
        services.AddHostedService(sp => sp.GetRequiredService<BallotSeal>());
        services.AddSingleton<BallotWriter>();
        services.AddSingleton<OpenVotes>();
        services.AddPageSection<HomeVotesToCast>(PortalHomeSlot.Cards);
        services.AddPortalVotePapers();
        return services;
    }

    /// <summary>The route of an elector's evidence file (paper scan, signature photo, proxy authorization).</summary>
    public static string EvidenceUrl(int voteId, int electorId) => $"/api/votes/{voteId}/electors/{electorId}/evidence";

    /// <summary>
    /// The evidence download: only for staff who may see the elector's roll row (the vote's managers, the grid worker of
    /// the elector's grid); anyone else gets 404, so ids cannot be probed.
    /// </summary>
    public static WebApplication MapPortalVotes(this WebApplication app)
    {
        app.MapGet("/api/votes/{voteId:int}/electors/{electorId:int}/evidence", async (int voteId, int electorId, VoteService votes, HttpContext http, CancellationToken ct) =>
            await votes.OpenEvidenceAsync(voteId, electorId, ct) is { } file
                ? AttachmentStore.Serve(http, file.Path, file.ContentType, file.FileName)
                : Results.NotFound()).RequireAuthorization();
        app.MapPortalVotePapers();
        return app;
    }
}
