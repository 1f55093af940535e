using Portal.Web.Components.Shared.Export;
using Portal.Web.Kit.Documents;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Voting.Votes.Export;

/// <summary>The downloads of a closed vote's papers (<see cref="VotePapers"/> decides who gets which).</summary>
public static class VotePapersEndpoints
{
    public static IServiceCollection AddPortalVotePapers(this IServiceCollection services) =>
        services.AddScoped<VotePapers>().AddScoped<IVoteAnnouncementSource>(sp => sp.GetRequiredService<VotePapers>());

    public static string AnnouncementPath(int voteId) => $"/api/votes/{voteId}/announcement.docx";

    public static string BallotsPath(int voteId) => $"/api/votes/{voteId}/ballots.csv";

    public static string ReceiptsPath(int voteId) => $"/api/votes/{voteId}/receipts.csv";

    /// <summary>
    /// GET announcement.docx (managers), ballots.csv (managers, named votes), receipts.csv (everyone who may see a
    /// secret vote). Not there or not the caller's: 404, so ids cannot be probed; not closed yet: 409.
    /// </summary>
    public static WebApplication MapPortalVotePapers(this WebApplication app)
    {
        app.MapGet("/api/votes/{id:int}/announcement.docx", async (int id, VotePapers papers, HttpContext http, CancellationToken ct) =>
            Answer(await papers.AnnouncementAsync(id, ct), ExportFile.DocxContentType, ".docx", http)).RequireAuthorization();
        app.MapGet("/api/votes/{id:int}/ballots.csv", async (int id, VotePapers papers, HttpContext http, CancellationToken ct) =>
            Answer(await papers.BallotsAsync(id, ct), ExportFile.CsvContentType, ".csv", http)).RequireAuthorization();
        app.MapGet("/api/votes/{id:int}/receipts.csv", async (int id, VotePapers papers, HttpContext http, CancellationToken ct) =>
            Answer(await papers.ReceiptsAsync(id, ct), ExportFile.CsvContentType, ".csv", http)).RequireAuthorization();
        return app;
    }

    private static IResult Answer(Result<VotePaper> result, string contentType, string extension, HttpContext http)
    {
        if (result.Outcome == Outcome.NotFound) return Results.NotFound();
        if (result is not { Succeeded: true, Value: { } paper }) return Results.Conflict();
        http.Response.Headers.CacheControl = "no-store";
        return Results.File(paper.Content, contentType, ExportFile.FileName(paper.FileName, extension));
    }
}
