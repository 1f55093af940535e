using Portal.Domain.Deliberation;
using Portal.Web.Features.Deliberation.Matters;
using Portal.Web.Features.Deliberation.Matters.Pages;

namespace Portal.Components.Tests.DeliberationMatters;

/// <summary>"My matters" and the secretary's list as cards: status in words and colour, scope, and the reason where given.</summary>
public sealed class MatterCardsTests : PortalComponentTest
{
    private static MatterRow Row(int id, MatterStatus status, string? reason = null) => new(id, 1, $"事项{id}",
        new MatterScope(MatterScopeKind.Grid, 3), MatterOrigin.Resident, null, status, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), reason, null, null,
        Guid.NewGuid());

    [Theory]
    [InlineData(MatterStatus.Raised, "待审核", "info")]
    [InlineData(MatterStatus.Accepted, "已受理", "success")]
    [InlineData(MatterStatus.Merged, "已合并", "default")]
    [InlineData(MatterStatus.Declined, "不予受理", "error")]
    public void A_matters_status_is_a_word_with_its_colour(MatterStatus status, string word, string colour)
    {
        var chip = Render<MatterStatusChip>(p => p.Add(c => c.Status, status));

        Assert.Equal(word, chip.Find("[data-testid=matter-status]").TextContent.Trim());
        Assert.Contains($"mud-chip-color-{colour}", chip.Find("[data-testid=matter-status]").ClassName);
    }

    [Fact]
    public void A_declined_matter_shows_the_reason_the_raiser_was_given_and_links_to_the_matter()
    {
        var cards = Render<MatterCards>(p => p.Add(c => c.Rows, [Row(4, MatterStatus.Declined, "属于物业维修范围，已转物业。"), Row(5, MatterStatus.Raised)])
            .Add(c => c.EmptyText, "无"));

        var rows = cards.FindAll("[data-testid=matter-row]");
        Assert.Equal(2, rows.Count);
        Assert.EndsWith("deliberation/matters/4", rows[0].GetAttribute("href"));
        Assert.Equal("审核意见：属于物业维修范围，已转物业。", rows[0].QuerySelector("[data-testid=matter-reason]")!.TextContent.Trim());
        Assert.Contains("网格", rows[0].TextContent);
        Assert.Null(rows[1].QuerySelector("[data-testid=matter-reason]"));
    }

    [Fact]
    public void No_matters_shows_the_empty_text()
    {
        var cards = Render<MatterCards>(p => p.Add(c => c.Rows, []).Add(c => c.EmptyText, "您还没有提出过议事事项。"));

        Assert.Contains("您还没有提出过议事事项。", cards.Markup);
        Assert.Empty(cards.FindAll("[data-testid=matter-row]"));
    }
}
