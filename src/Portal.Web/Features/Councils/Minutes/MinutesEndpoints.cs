using Portal.Web.Features.Councils.Minutes;
using Portal.Web.Features.Lists.Export;

// In the councils namespace like the other council endpoints, so Program.cs maps it without another using.
namespace Portal.Web.Features.Councils;

public static class MinutesEndpoints
{
    public static string DocxPath(int meetingId) => $"/api/councils/meetings/{meetingId}/minutes.docx";

    /// <summary>
    /// GET /api/councils/meetings/{id}/minutes.docx: the approved minutes as a Word document. Whoever may not read the
    /// minutes gets 404 (ids cannot be probed); minutes not approved yet are 409 — a draft is not a formal document.
    /// </summary>
    public static WebApplication MapPortalCouncilMinutes(this WebApplication app)
    {
        app.MapGet("/api/councils/meetings/{id:int}/minutes.docx", async (int id, MinutesService minutes, HttpContext http, CancellationToken ct) =>
        {
            var (outcome, content, fileName) = await minutes.DocxAsync(id, ct);
            if (outcome == MinutesOutcome.NotFound) return Results.NotFound();
            if (outcome != MinutesOutcome.Saved) return Results.Conflict();
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(content!, ExportFile.DocxContentType, ExportFile.FileName(fileName!, ".docx"));
        }).RequireAuthorization();
        return app;
    }
}
