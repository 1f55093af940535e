using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Text;
using Portal.Domain.WorkItems;
using Portal.Testing;
using Portal.Web.Features.Lists.WorkItems;
using Portal.Web.Features.Platform;
using Portal.Web.Tests.Accounts;

namespace Portal.Web.Tests.ListsExport;

/// <summary>
/// GET /api/lists/export over real HTTP with real sign-in cookies: the files hold exactly the caller's filtered list, read
/// back with the domain CSV reader and the Open XML SDK.
/// </summary>
public sealed class ListExportTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static readonly string[] ChineseHeader = ["序号", "标题", "类型", "分类", "状态", "网格", "责任单位", "提出时间", "办理时限", "是否超期"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<int> CommunityAsync(int index) => TestAccounts.DbAsync(Host, db =>
        db.Communities.Where(c => c.Name == DemoDataSeeder.CommunityNames[index]).Select(c => c.Id).SingleAsync(Ct));

    private Task<WorkItemList> ListAs(string user, string query) =>
        TestAccounts.AsAsync(Host, user, s => s.GetRequiredService<WorkItemService>().ListAllAsync(ListQueryString.Parse(query), WorkItemService.ExportLimit, Ct));

    private Task<HttpClient> SignedInAsync(string user, string? culture = null) => PortalClient.SignedInAsync(Host.BaseAddress, user, culture);

    private static async Task<IReadOnlyList<CsvRecord>> CsvAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return CsvReader.Parse(Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task The_secretarys_csv_holds_exactly_the_filtered_rows()
    {
        var community = await CommunityAsync(0);
        var query = $"community={community}&status=open&kind=need";
        var expected = await ListAs("secretary", query);
        Assert.NotEmpty(expected.Items);
        using var client = await SignedInAsync("secretary");

        using var response = await client.GetAsync($"/api/lists/export?format=csv&{query}", Ct);

        var records = await CsvAsync(response);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.StartsWith("工作事项清单-", disposition.FileNameStar, StringComparison.Ordinal);
        Assert.EndsWith(".csv", disposition.FileNameStar, StringComparison.Ordinal);
        Assert.Equal(ChineseHeader, records[0].Fields);
        var rows = records.Skip(1).ToList();
        Assert.Equal(expected.Total, rows.Count);
        Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r[0]));
        Assert.Equal(expected.Items.Select(i => i.Title), rows.Select(r => r.Fields[1]));
        Assert.All(rows, r => Assert.Equal("需求", r[2]));
        Assert.All(rows, r => Assert.DoesNotContain(r[4], new[] { "已销号", "不予受理" }));
        Assert.Equal(expected.Items.Count(i => i.IsOverdue), rows.Count(r => r[9] == "是"));
        Assert.Contains(rows, r => r[9] == "是");
    }

    [Fact]
    public async Task The_secretarys_word_file_is_a_valid_ledger_of_the_same_rows()
    {
        var community = await CommunityAsync(0);
        var query = $"community={community}&deadline=overdue";
        var expected = await ListAs("secretary", query);
        Assert.NotEmpty(expected.Items);
        using var client = await SignedInAsync("secretary");

        using var response = await client.GetAsync($"/api/lists/export?format=docx&{query}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".docx", response.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)), false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document, Ct));
        var body = document.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal("工作事项清单", paragraphs[0]);
        Assert.StartsWith("导出时间：", paragraphs[1], StringComparison.Ordinal);
        Assert.Contains("时限：已超期", paragraphs[2], StringComparison.Ordinal);
        Assert.Contains("社区：青年湖社区", paragraphs[2], StringComparison.Ordinal);
        Assert.Equal($"共 {expected.Total} 条", paragraphs[3]);
        var rows = body.Elements<Table>().Single().Elements<TableRow>().ToList();
        Assert.Equal(ChineseHeader, rows[0].Elements<TableCell>().Select(c => c.InnerText));
        Assert.Equal(expected.Total + 1, rows.Count);
        Assert.Equal(expected.Items.Select(i => i.Title), rows.Skip(1).Select(r => r.Elements<TableCell>().ElementAt(1).InnerText));
        Assert.All(rows.Skip(1), r => Assert.Equal("是", r.Elements<TableCell>().Last().InnerText));
        Assert.Contains("制表人：", paragraphs[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_residents_export_holds_only_what_the_resident_may_see()
    {
        var residentId = (await TestAccounts.FindAsync(Host, "resident")).Id;
        var own = await TestAccounts.DbAsync(Host, db => db.WorkItems
            .Where(w => w.RequesterUserId == residentId || w.RaisedByUserId == residentId).Select(w => w.Title).ToListAsync(Ct));
        var visible = await ListAs("resident", "");
        Assert.NotEmpty(own);
        using var client = await SignedInAsync("resident");

        // The page's export link for a resident carries mine=1 (their default list): exactly their own items.
        using var mine = await client.GetAsync("/api/lists/export?format=csv&mine=1", Ct);
        var mineTitles = (await CsvAsync(mine)).Skip(1).Select(r => r.Fields[1]).ToList();
        Assert.Equal(own.Order(), mineTitles.Order());

        // Without filters, still nothing beyond what the resident's own list shows — never the community's other needs.
        using var all = await client.GetAsync("/api/lists/export?format=csv", Ct);
        var allTitles = (await CsvAsync(all)).Skip(1).Select(r => r.Fields[1]).ToList();
        Assert.Equal(visible.Items.Select(i => i.Title), allTitles);
        var secretaryAll = await ListAs("secretary", "");
        Assert.True(allTitles.Count < secretaryAll.Total);
        // Every row is the resident's own or published for the whole community (a commitment on the public board).
        var visibleIds = visible.Items.Select(i => i.Id).ToList();
        var foreign = await TestAccounts.DbAsync(Host, db => db.WorkItems
            .Where(w => visibleIds.Contains(w.Id) && w.RequesterUserId != residentId && w.RaisedByUserId != residentId)
            .Select(w => new { w.Kind, w.IsPublic, w.Status }).ToListAsync(Ct));
        Assert.All(foreign, w => Assert.True(w.Kind == WorkItemKind.Commitment && w.IsPublic && w.Status != WorkItemStatus.Rejected, w.ToString()));

        // A metric link is the managers': for the resident it is ignored, not an escalation.
        using var metric = await client.GetAsync($"/api/lists/export?format=csv&mine=1&community={await CommunityAsync(0)}&metric=raised&from=2000-01-01&to=2100-01-01", Ct);
        Assert.Equal(own.Order(), (await CsvAsync(metric)).Skip(1).Select(r => r.Fields[1]).Order());
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        var (client, _) = PortalClient.Create(Host.BaseAddress);
        using (client)
        {
            using var response = await client.GetAsync("/api/lists/export?format=csv", Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("?format=pdf")]
    [InlineData("?format=1")]
    [InlineData("?format=csv.exe&kind=need")]
    public async Task A_bad_format_gets_400_with_a_clear_message(string query)
    {
        using var client = await SignedInAsync("secretary");
        using var response = await client.GetAsync("/api/lists/export" + query, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("导出格式无效：请使用 csv 或 docx。", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task English_users_get_english_headers_and_messages()
    {
        using var client = await SignedInAsync("secretary", "en");
        using var csv = await client.GetAsync("/api/lists/export?format=csv&status=closed", Ct);
        var records = await CsvAsync(csv);
        Assert.Equal(["No.", "Title", "Kind", "Category", "Status", "Grid", "Owner unit", "Raised", "Deadline", "Overdue"], records[0].Fields);
        Assert.All(records.Skip(1), r => Assert.Equal("No", r[9]));
        Assert.StartsWith("work-items-", csv.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        using var bad = await client.GetAsync("/api/lists/export?format=xls", Ct);
        Assert.Equal("Invalid export format: use csv or docx.", await bad.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Exports_hold_no_control_or_invisible_characters_even_from_values_stored_raw_before()
    {
        // A database from before the text rule may still hold a raw title: NUL, ESC, a bell, a right-to-left override, a
        // zero-width space. Exports clean it through the same rule the database now applies on every save.
        var form = new RaiseNeedForm { Title = "导出清洁测试", Category = WorkItemCategories.Other, CommunityId = await CommunityAsync(0), Urgency = Urgency.General };
        var raised = await TestAccounts.AsAsync(Host, "resident", s => s.GetRequiredService<WorkItemService>().RaiseAsync(form, Ct));
        Assert.True(raised.Succeeded, Host.TextOf(raised));
        const string raw = "\u202E导出\0清洁\u001B测试\u0007\u200B";
        await TestAccounts.DbAsync(Host, db => db.Database.ExecuteSqlAsync($"UPDATE \"WorkItems\" SET \"Title\" = {raw} WHERE \"Id\" = {raised.Id}", Ct));
        Assert.Equal(raw, await TestAccounts.DbAsync(Host, db => db.WorkItems.Where(w => w.Id == raised.Id).Select(w => w.Title).SingleAsync(Ct)));
        try
        {
            await ExportsAreCleanAsync();
        }
        finally
        {
            // The other tests of this class compare the service's list with the export: leave no raw title behind.
            await TestAccounts.DbAsync(Host, db => db.Database.ExecuteSqlAsync($"UPDATE \"WorkItems\" SET \"Title\" = {"导出清洁测试"} WHERE \"Id\" = {raised.Id}", Ct));
        }
    }

    private async Task ExportsAreCleanAsync()
    {
        using var client = await SignedInAsync("resident");

        using var csv = await client.GetAsync("/api/lists/export?format=csv&mine=1", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync(Ct))[3..]);
        Portal.Web.Tests.Data.UnsafeCharacters.AssertNone(text);
        Assert.Contains(CsvReader.Parse(text), r => r.Fields[1] == "导出清洁测试");

        using var docx = await client.GetAsync("/api/lists/export?format=docx&mine=1", Ct);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync(Ct)), false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document, Ct));
        var titles = document.MainDocumentPart!.Document.Body!.Elements<Table>().Single().Elements<TableRow>().Skip(1)
            .Select(r => r.Elements<TableCell>().ElementAt(1).InnerText).ToList();
        Assert.Contains("导出清洁测试", titles);
        titles.ForEach(Portal.Web.Tests.Data.UnsafeCharacters.AssertNone);
    }
}
