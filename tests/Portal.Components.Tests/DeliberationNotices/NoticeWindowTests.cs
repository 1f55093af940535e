using Portal.Web.Features.Deliberation.Notices;
using Portal.Web.Features.Localization;

namespace Portal.Components.Tests.DeliberationNotices;

/// <summary>A notice's window: its state as a word with its colour, and the period (or only its end, on the board's cards).</summary>
public sealed class NoticeWindowTests : PortalComponentTest
{
    private static readonly DateTime Start = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(NoticeState.Open, "zh-CN", "公示中", "mud-chip-color-info")]
    [InlineData(NoticeState.AwaitingClose, "zh-CN", "公示期已满，待结束", "mud-chip-color-warning")]
    [InlineData(NoticeState.Closed, "zh-CN", "已结束", "mud-chip-color-default")]
    [InlineData(NoticeState.Open, "en", "Open for objections", "mud-chip-color-info")]
    public void The_state_is_a_word_in_the_readers_language_with_its_colour(NoticeState state, string culture, string word, string colour)
    {
        var window = RenderIn<NoticeWindow>(culture, p => p.Add(w => w.State, state).Add(w => w.StartsAtUtc, Start).Add(w => w.EndsAtUtc, Start.AddDays(7)));

        var chip = window.Find("[data-testid=notice-state]");
        Assert.Equal((word, state.ToString()), (chip.TextContent.Trim(), chip.GetAttribute("data-status")));
        Assert.Contains(colour, chip.ClassName);
    }

    [Fact]
    public void The_period_runs_from_publishing_to_its_end()
    {
        var window = RenderIn<NoticeWindow>("zh-CN", p => p.Add(w => w.State, NoticeState.Open).Add(w => w.StartsAtUtc, Start).Add(w => w.EndsAtUtc, Start.AddDays(7)));

        Assert.Contains($"公示期：{PortalTime.Short(Start)} 至 {PortalTime.Short(Start.AddDays(7))}", window.Find("[data-testid=notice-window]").TextContent);
    }

    [Fact]
    public void Without_a_start_only_the_end_is_shown()
    {
        var window = RenderIn<NoticeWindow>("zh-CN", p => p.Add(w => w.State, NoticeState.Open).Add(w => w.EndsAtUtc, Start.AddDays(7)));

        var text = window.Find("[data-testid=notice-window]").TextContent;
        Assert.Contains($"截止：{PortalTime.Short(Start.AddDays(7))}", text);
        Assert.DoesNotContain("公示期：", text);
    }
}
