using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.WorkItems;
using Portal.Testing;
using Portal.Web.Data;
using Portal.Web.Features.Lists.Commitments;
using Portal.Web.Features.Localization;
using Portal.Web.Features.Platform;
using Portal.Web.Tests.Accounts;
using Portal.Web.Tests.Data;
using Portal.Web.Kit.Results;

namespace Portal.Web.Tests.ListsCommitments;

/// <summary>
/// The ledger page reads its rows a page at a time, sorted in the database, and its figures with separate counting
/// queries; the export still reads every row. Checked on the demo data against the whole ledger (the export's rows) and
/// the figures the ledger used to compute from loaded rows.
/// </summary>
public sealed class LedgerServiceTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;
    private static int Year => PortalTime.ToLocal(DateTime.UtcNow).Year;

    private Task<T> Commitments<T>(string user, Func<CommitmentService, Task<T>> action) => Commitments(Host, user, action);

    private static Task<T> Commitments<T>(PortalHost host, string user, Func<CommitmentService, Task<T>> action) =>
        TestAccounts.AsAsync(host, user, s => action(s.GetRequiredService<CommitmentService>()));

    private Task<int> CommitteeAsync() => CommitteeAsync(Host);

    private static Task<int> CommitteeAsync(PortalHost host) => TestAccounts.DbAsync(host, (PortalDbContext db) =>
        db.PartyOrganizations.Where(o => o.Name == DemoDataSeeder.CommunityNames[0] + "党委").Select(o => o.Id).SingleAsync(Ct));

    private Task<IReadOnlyList<LedgerRow>> WholeAsync(int organization) => WholeAsync(Host, organization);

    private static async Task<IReadOnlyList<LedgerRow>> WholeAsync(PortalHost host, int organization) =>
        (await Commitments(host, "secretary", s => s.LedgerAsync(organization, Year, Ct))).Value!.Rows;

    [Fact]
    public async Task Pages_of_the_ledger_are_the_whole_ledgers_rows_in_order_with_the_same_numbers()
    {
        var committee = await CommitteeAsync();
        var whole = await WholeAsync(committee);
        Assert.True(whole.Count >= CommitmentRules.OrganizationAnnualMin, $"{whole.Count} rows");
        Assert.Equal(Enumerable.Range(1, whole.Count), whole.Select(r => r.Number));

        var paged = new List<LedgerRow>();
        for (var skip = 0; skip < whole.Count; skip += 3)
        {
            var page = await Commitments("secretary", s => s.LedgerPageAsync(committee, Year, skip, 3, ct: Ct));
            Assert.Equal(whole.Count, page!.Total);
            Assert.InRange(page.Items.Count, 1, 3);
            paged.AddRange(page.Items);
        }
        Assert.Equal(whole, paged);
        var beyond = await Commitments("secretary", s => s.LedgerPageAsync(committee, Year, whole.Count, 3, ct: Ct));
        Assert.Empty(beyond!.Items);
        // A page never holds more than the grid may ask for.
        Assert.True((await Commitments("secretary", s => s.LedgerPageAsync(committee, Year, 0, 10_000, ct: Ct)))!.Items.Count <= LedgerSort.MaxTake);
    }

    [Theory]
    [InlineData(LedgerSort.Total, false)]
    [InlineData(LedgerSort.Total, true)]
    [InlineData(LedgerSort.Due, false)]
    [InlineData(LedgerSort.Due, true)]
    [InlineData(LedgerSort.Status, false)]
    [InlineData(LedgerSort.Status, true)]
    [InlineData(LedgerSort.Type, true)]
    [InlineData(LedgerSort.Number, true)]
    public Task The_ledger_sorts_in_the_database_and_each_row_keeps_its_ledger_number(string column, bool descending) =>
        SortsAsync(Host, column, descending);

    private static async Task SortsAsync(PortalHost host, string column, bool descending)
    {
        var committee = await CommitteeAsync(host);
        var whole = await WholeAsync(host, committee);
        var sorted = new List<LedgerRow>();
        for (var skip = 0; skip < whole.Count; skip += 4)
            sorted.AddRange((await Commitments(host, "secretary", s => s.LedgerPageAsync(committee, Year, skip, 4, (column, descending), Ct)))!.Items);

        // Every row once, with the number it has in the whole ledger (and the export).
        Assert.Equal(whole.OrderBy(r => r.Id), sorted.OrderBy(r => r.Id));
        // The expected order: by the column (rows without a value last), then the ledger's own order.
        var expected = column switch
        {
            LedgerSort.Total => Sort(whole, r => r.Total is null, r => r.Total, descending),
            LedgerSort.Due => Sort(whole, r => r.DueAtUtc is null, r => r.DueAtUtc, descending),
            LedgerSort.Status => Sort(whole, _ => false, r => r.Status, descending),
            LedgerSort.Type => Sort(whole, r => r.Type is null, r => r.Type, descending),
            _ => whole.Reverse().ToList(),
        };
        Assert.Equal(expected.Select(r => r.Number), sorted.Select(r => r.Number));
        if (column == LedgerSort.Total)
            Assert.Contains(sorted, r => r.Total is not null); // the demo has assessed commitments to sort
    }

    private static List<LedgerRow> Sort<TKey>(IEnumerable<LedgerRow> rows, Func<LedgerRow, bool> missing, Func<LedgerRow, TKey> key, bool descending)
    {
        var ordered = rows.OrderBy(missing);
        return (descending ? ordered.ThenByDescending(key) : ordered.ThenBy(key)).ThenBy(r => r.Number).ToList();
    }

    [Fact]
    public Task The_figures_counted_in_the_database_equal_those_counted_from_every_row() => FiguresAsync(Host);

    private static async Task FiguresAsync(PortalHost host)
    {
        var organizations = await Commitments(host, "secretary", s => s.LedgerOrganizationsAsync(Ct));
        Assert.NotEmpty(organizations);
        var now = DateTime.UtcNow;
        var checkedRows = 0;
        foreach (var organization in organizations)
        {
            foreach (var year in new[] { Year, Year + 1 })
            {
                var result = await Commitments(host, "secretary", s => s.LedgerSummaryAsync(organization.Id, year, Ct));
                Assert.Equal(Outcome.Succeeded, result.Outcome);
                var rows = (await Commitments(host, "secretary", s => s.LedgerAsync(organization.Id, year, Ct))).Value!.Rows;
                checkedRows += rows.Count;
                // The figures as the ledger computed them before from its loaded rows.
                var totals = rows.Where(r => r.Total is not null).Select(r => r.Total!.Value).ToList();
                var ids = rows.Select(r => r.Id).ToList();
                var members = await TestAccounts.DbAsync(host, (PortalDbContext db) => db.WorkItems
                    .Where(w => ids.Contains(w.Id) && w.OwnerPersonId != null).CountAsync(Ct));
                var expected = new LedgerSummary(
                    rows.Count, rows.Count - members, members,
                    rows.Count(r => r.Status == WorkItemStatus.Closed),
                    rows.Count(r => WorkItemWorkflow.IsOpen(r.Status)),
                    rows.Count(r => r.DueAtUtc < now && WorkItemWorkflow.IsOpen(r.Status) && r.Status is not (WorkItemStatus.Reported or WorkItemStatus.Rated)),
                    totals.Count,
                    totals.Count == 0 ? null : Math.Round(totals.Average(), 1, MidpointRounding.AwayFromZero),
                    rows.Count(r => r.Grade == CommitmentGrade.Excellent), rows.Count(r => r.Grade == CommitmentGrade.Good),
                    rows.Count(r => r.Grade == CommitmentGrade.Pass), rows.Count(r => r.Grade == CommitmentGrade.Fail));
                Assert.Equal(expected, result.Value);
            }
        }
        Assert.True(checkedRows >= CommitmentRules.OrganizationAnnualMin, $"{checkedRows} rows");
    }

    [Fact]
    public async Task The_figures_and_pages_are_refused_as_the_ledger_is()
    {
        var committee = await CommitteeAsync();
        foreach (var user in new[] { "resident", "member", "gridworker", "liaison" })
        {
            Assert.Equal((Outcome.NotAllowed, (LedgerSummary?)null), await Commitments(user, async s =>
            {
                var r = await s.LedgerSummaryAsync(committee, Year, Ct);
                return (r.Outcome, r.Value);
            }));
            Assert.Null(await Commitments(user, s => s.LedgerPageAsync(committee, Year, 0, 20, ct: Ct)));
        }
        Assert.Equal(Outcome.NotFound, (await Commitments("secretary", s => s.LedgerSummaryAsync(int.MaxValue, Year, Ct))).Outcome);
        Assert.Null(await Commitments("secretary", s => s.LedgerPageAsync(int.MaxValue, Year, 0, 20, ct: Ct)));
    }

    [Fact]
    public async Task On_PostgreSQL_the_ledger_pages_sorts_and_counts_the_same()
    {
        await PostgresPortalTests.OnFreshPostgresAsync("ledger", async host =>
        {
            await FiguresAsync(host);
            foreach (var column in new[] { LedgerSort.Total, LedgerSort.Due, LedgerSort.Status })
            {
                await SortsAsync(host, column, false);
                await SortsAsync(host, column, true);
            }
        });
    }
}
