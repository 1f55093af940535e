using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Web.Components.Shared;
using Portal.Web.Components.Shared.Export;
using Portal.Web.Features.Localization;

namespace Portal.Web.Features.Lists.Commitments;

/// <summary>The ledger as an export table: the same columns as the page, laid out as the office's 承诺践诺台账.</summary>
public static class LedgerExport
{
    public static ExportTable Table(Ledger ledger, IStringLocalizer<CommitmentsText> text, IStringLocalizer<ListsText> labels, IStringLocalizer<WorkItemWords> words,
        DateOnly today)
    {
        var columns = new List<ExportColumn>
        {
            new(text["Ledger.Number"], 0.5), new(text["Ledger.Subject"], 1.4), new(text["Ledger.Type"], 0.8), new(text["Ledger.Content"], 2.4),
            new(text["Ledger.Due"], 1), new(text["Ledger.Status"], 0.8), new(text["Ledger.Fulfilment"], 2.4), new(text["Ledger.Evidence"], 0.7),
            new(text["Ledger.MemberScore"], 0.7), new(text["Ledger.ResidentScore"], 0.7), new(text["Ledger.OrganizationScore"], 0.7),
            new(text["Ledger.Total"], 0.7), new(text["Ledger.Grade"], 0.7),
        };
        var rows = ledger.Rows.Select(r => (IReadOnlyList<string>)
        [
            r.Number.ToString(CultureInfo.InvariantCulture), r.Subject, r.Type is { } t ? labels[$"CommitmentType.{t}"] : "", r.Title,
            r.DueAtUtc is { } due ? PortalTime.ToLocal(due).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "",
            words.StatusOf(Domain.WorkItems.WorkItemKind.Commitment, r.Status), r.Fulfilment, r.EvidenceCount.ToString(CultureInfo.InvariantCulture),
            Score(r.MemberScore), Score(r.ResidentScore), Score(r.OrganizationScore), Score(r.Total),
            r.Grade is { } g ? labels[$"Commitment.Grade.{g}"] : "",
        ]).ToList();
        var s = ledger.Summary;
        return new ExportTable(
            text["Ledger.DocumentTitle", ledger.OrganizationName, ledger.Year],
            [
                text["Ledger.Preamble.Organization", ledger.OrganizationName],
                text["Ledger.Preamble.Year", ledger.Year],
                text["Ledger.Preamble.Summary", s.Total, s.ByOrganization, s.ByMembers, s.Filed, s.Assessed, Score(s.AverageTotal)],
            ],
            columns, rows,
            [text["Ledger.Signatures", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]]);
    }

    public static string FileName(Ledger ledger, IStringLocalizer<CommitmentsText> text) => text["Ledger.FileName", ledger.OrganizationName, ledger.Year];

    private static string Score(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
}
