using Portal.Web.Components.Shared.Export;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Deliberation.Sessions.Export;

/// <summary>The session archive's download (<see cref="SessionArchive"/> decides who gets it).</summary>
public static class SessionArchiveEndpoints
{
    public static IServiceCollection AddPortalSessionArchive(this IServiceCollection services) =>
        services.AddScoped<SessionArchive>().AddSessionArchiveSection<ImplementationArchiveSection>();

    public static string ArchivePath(int sessionId) => $"/api/deliberation/sessions/{sessionId}/archive.docx";

    /// <summary>GET archive.docx: the community's managers; anyone else 404, so ids cannot be probed.</summary>
    public static WebApplication MapPortalSessionArchive(this WebApplication app)
    {
        app.MapGet("/api/deliberation/sessions/{id:int}/archive.docx", async (int id, SessionArchive archive, HttpContext http, CancellationToken ct) =>
        {
            var result = await archive.DocxAsync(id, ct);
            if (result is not { Succeeded: true, Value: { } file }) return Results.NotFound();
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(file.Content, ExportFile.DocxContentType, ExportFile.FileName(file.FileName, ".docx"));
        }).RequireAuthorization();
        return app;
    }
}
