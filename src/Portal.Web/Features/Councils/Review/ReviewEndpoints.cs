using Portal.Web.Kit.Sections;
using Microsoft.Extensions.Localization;
using Portal.Web.Components.Shared.Export;
using Portal.Web.Features.Localization;

namespace Portal.Web.Features.Councils.Review;

/// <summary>
/// GET /api/councils/{councilId}/review/{year}/scores?format=csv|docx: the annual review's score table as a file. Access is
/// the page's: whoever can view the council; anyone else gets 404, like a council that does not exist.
/// </summary>
public static class ReviewEndpoints
{
    /// <summary>Scoped = per circuit in Blazor, per request otherwise.</summary>
    public static IServiceCollection AddPortalCouncilReview(this IServiceCollection services)
    {
        services.AddScoped<ReviewService>();
        services.AddPageSection<ReviewLink>(CouncilPageSlot.Links);
        return services;
    }

    public static WebApplication MapPortalCouncilReview(this WebApplication app)
    {
        app.MapGet("/api/councils/{councilId:int}/review/{year:int}/scores", async (int councilId, int year, string? format, ReviewService review,
            IStringLocalizer<ReviewText> text, TimeProvider clock, CancellationToken ct) =>
        {
            if (!ExportFile.TryParseFormat(format, out var parsed)) return Results.NotFound();
            var view = await review.GetAsync(councilId, year, ct);
            if (view is null) return Results.NotFound();
            var today = DateOnly.FromDateTime(PortalTime.ToLocal(clock.GetUtcNow().UtcDateTime));
            return ExportFile.Result(ReviewExport.Table(view, text, today), parsed, text["Export.FileName", view.CouncilName, view.Year]);
        }).RequireAuthorization();
        return app;
    }
}
