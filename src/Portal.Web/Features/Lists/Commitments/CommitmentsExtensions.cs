using Microsoft.Extensions.Localization;
using Portal.Web.Components.Shared;
using Portal.Web.Components.Shared.Export;
using Portal.Web.Features.Localization;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Lists.Commitments;

public static class CommitmentsExtensions
{
    public static IServiceCollection AddPortalCommitments(this IServiceCollection services)
    {
        services.AddScoped<CommitmentService>();
        return services;
    }

    /// <summary>
    /// The ledger export (CSV or Word), with the ledger page's own authorization: 401 anonymous (the endpoint requires a
    /// signed-in user), 404 for an unknown organisation or bad arguments, 403 for an organisation whose ledger the caller may not see.
    /// </summary>
    public static WebApplication MapPortalCommitments(this WebApplication app)
    {
        app.MapGet("/api/lists/commitments/ledger/export", async (string? org, string? year, string? format, CommitmentService commitments,
            IStringLocalizer<CommitmentsText> text, IStringLocalizer<ListsText> labels, IStringLocalizer<WorkItemWords> words, TimeProvider clock, CancellationToken ct) =>
        {
            if (QueryValue.Id(org) is not { } orgId || QueryValue.Year(year) is not { } y || !ExportFile.TryParseFormat(format, out var parsed)) return Results.NotFound();
            var result = await commitments.LedgerAsync(orgId, y, ct);
            return result switch
            {
                { Value: { } ledger } => ExportFile.Result(
                    LedgerExport.Table(ledger, text, labels, words, DateOnly.FromDateTime(PortalTime.ToLocal(clock.GetUtcNow().UtcDateTime))),
                    parsed, LedgerExport.FileName(ledger, text)),
                { Outcome: Outcome.NotFound } => Results.NotFound(),
                _ => Results.StatusCode(StatusCodes.Status403Forbidden),
            };
        }).RequireAuthorization();
        return app;
    }
}
