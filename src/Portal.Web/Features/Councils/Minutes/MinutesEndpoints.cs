using Portal.Web.Kit.Sections;
using Portal.Domain.Councils;
using Portal.Web.Components.Shared.Export;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Councils.Minutes;

public static class MinutesEndpoints
{
    /// <summary>Scoped = per circuit in Blazor, per request otherwise.</summary>
    public static IServiceCollection AddPortalCouncilMinutes(this IServiceCollection services)
    {
        services.AddScoped<MinutesService>();
        services.AddPageSection<CouncilTasks>(CouncilPageSlot.AfterCalendar);
        return services;
    }

    /// <summary>The value of the <c>edition</c> query parameter that asks for the public version (decision 0016).</summary>
    public const string PublicEdition = "public";

    public static string DocxPath(int meetingId, bool publicEdition = false) =>
        $"/api/councils/meetings/{meetingId}/minutes.docx" + (publicEdition ? "?edition=" + PublicEdition : "");

    public static string PrintPath(int meetingId, bool publicEdition = false) =>
        $"councils/meetings/{meetingId}/minutes/print" + (publicEdition ? "?edition=" + PublicEdition : "");

    /// <summary>The edition a request asks for: the public one by <c>edition=public</c>, else (any other value) the reader's own.</summary>
    public static MinutesEdition? AskedEdition(string? edition) =>
        string.Equals(edition, PublicEdition, StringComparison.OrdinalIgnoreCase) ? MinutesEdition.Public : null;

    /// <summary>
    /// GET /api/councils/meetings/{id}/minutes.docx: the approved minutes as a Word document, in the edition the reader
    /// gets (<c>?edition=public</c>: the public version, e.g. for the noticeboard). Whoever may not read the minutes gets
    /// 404 (ids cannot be probed); minutes not approved yet are 409 — a draft is not a formal document.
    /// </summary>
    public static WebApplication MapPortalCouncilMinutes(this WebApplication app)
    {
        app.MapGet("/api/councils/meetings/{id:int}/minutes.docx", async (int id, string? edition, MinutesService minutes, HttpContext http, CancellationToken ct) =>
        {
            var result = await minutes.DocxAsync(id, AskedEdition(edition), ct);
            if (result.Outcome == Outcome.NotFound) return Results.NotFound();
            if (result is not { Succeeded: true, Value: { } file }) return Results.Conflict();
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(file.Content, ExportFile.DocxContentType, ExportFile.FileName(file.FileName, ".docx"));
        }).RequireAuthorization();
        return app;
    }
}
