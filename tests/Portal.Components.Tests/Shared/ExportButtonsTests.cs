using Portal.Web.Components.Shared;
using Portal.Web.Components.Shared.Export;

namespace Portal.Components.Tests.Shared;

public sealed class ExportButtonsTests : PortalComponentTest
{
    [Theory]
    [InlineData("zh-CN", "导出 CSV", "导出 Word")]
    [InlineData("en", "Export CSV", "Export Word")]
    public void Both_files_are_offered_as_downloads_of_the_callers_address(string culture, string csv, string docx)
    {
        var buttons = RenderIn<ExportButtons>(culture, p => p
            .Add(b => b.Href, format => $"/api/ledger?format={ExportFile.QueryValue(format)}")
            .Add(b => b.TestIdPrefix, "ledger"));

        Assert.NotNull(buttons.Find("[data-testid=ledger-export]"));
        AssertDownload(buttons.Find("[data-testid=ledger-export-csv]"), "/api/ledger?format=csv", csv);
        AssertDownload(buttons.Find("[data-testid=ledger-export-docx]"), "/api/ledger?format=docx", docx);
    }

    [Fact]
    public void A_download_button_is_a_link_the_router_leaves_to_the_browser()
    {
        var button = Render<DownloadButton>(p => p.Add(b => b.Href, "/api/audit.csv").Add(b => b.Text, "导出 CSV").Add(b => b.TestId, "audit-export"));

        AssertDownload(button.Find("[data-testid=audit-export]"), "/api/audit.csv", "导出 CSV");
    }

    private static void AssertDownload(AngleSharp.Dom.IElement link, string href, string text)
    {
        Assert.Equal("a", link.TagName.ToLowerInvariant());
        Assert.Equal(href, link.GetAttribute("href"));
        // Without "download" Blazor's router would take the address for a page.
        Assert.True(link.HasAttribute("download"));
        Assert.Equal(text, link.TextContent.Trim());
    }
}
