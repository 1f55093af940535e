using Bunit;
using Portal.Web.Features.Lists.Commitments;

namespace Portal.Components.Tests.ListsCommitments;

/// <summary>The ledger's figures: each under its own label, the grades on one line, no average before any assessment; both languages.</summary>
public sealed class LedgerSummaryCardsTests : PortalComponentTest
{
    private static readonly LedgerSummary Figures = new(12, 10, 2, 3, 8, 1, 4, 83.5m, 1, 2, 1, 0);

    private static IReadOnlyDictionary<string, string> Cards(IRenderedComponent<LedgerSummaryCards> cards) =>
        cards.FindAll("[data-testid=ledger-summary] > div").ToDictionary(d => d.QuerySelector("dt")!.TextContent.Trim(), d => d.QuerySelector("dd")!.TextContent.Trim());

    [Fact]
    public void Each_figure_stands_under_its_own_label()
    {
        var cards = Render<LedgerSummaryCards>(p => p.Add(c => c.Summary, Figures));

        Assert.Equal(new Dictionary<string, string>
        {
            ["承诺总数"] = "12", ["组织承诺"] = "10", ["党员承诺"] = "2", ["已归档"] = "3", ["办理中"] = "8", ["已逾期"] = "1", ["已评诺"] = "4",
            ["平均综合得分"] = "83.5", ["等次"] = "优秀 1 · 良好 2 · 合格 1 · 不合格 0",
        }, Cards(cards));
        Assert.Equal("12", cards.Find("[data-testid=ledger-total]").TextContent);
        Assert.Equal("3", cards.Find("[data-testid=ledger-filed]").TextContent);
    }

    [Fact]
    public void An_empty_ledger_shows_noughts_and_no_average()
    {
        var cards = Render<LedgerSummaryCards>(p => p.Add(c => c.Summary, new LedgerSummary(0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0)));

        Assert.Equal("0", cards.Find("[data-testid=ledger-total]").TextContent);
        Assert.Equal("—", Cards(cards)["平均综合得分"]);
    }

    [Fact]
    public void In_English_the_labels_and_grades_are_English()
    {
        UseCulture("en");

        var cards = Cards(Render<LedgerSummaryCards>(p => p.Add(c => c.Summary, Figures)));

        Assert.Equal("12", cards["Commitments"]);
        Assert.Equal("83.5", cards["Average total"]);
        Assert.Equal("Excellent 1 · good 2 · pass 1 · fail 0", cards["Grade"]);
    }
}
