using Portal.Web.Features.Councils.Meetings;
using static Portal.Components.Tests.CouncilMeetings.AgendaTestData;

namespace Portal.Components.Tests.CouncilMeetings;

/// <summary>
/// The countdown of the current item as the server renders it; the browser module ticks it from the values carried in its
/// data attributes (the live ticking itself is proved in the browser tests).
/// </summary>
public sealed class ItemCountdownTests : PortalComponentTest
{
    public ItemCountdownTests() => UseClock(Now);

    [Fact]
    public void A_running_timer_shows_the_time_left_in_the_box_and_tells_the_browser_to_tick()
    {
        // 20 minutes, 2 used before a pause, running again for the last 3:30.
        var item = Item(1, "停车整治", 20, timerSince: Now.AddSeconds(-210), elapsed: TimeSpan.FromMinutes(2));

        var countdown = Render<ItemCountdown>(p => p.Add(c => c.Item, item)).Find("[data-testid=agenda-countdown]");

        Assert.Equal("14:30", countdown.QuerySelector("[data-countdown-text]")!.TextContent);
        Assert.Equal("true", countdown.GetAttribute("data-running"));
        Assert.Equal(((long)TimeSpan.FromSeconds(870).TotalMilliseconds).ToString(), countdown.GetAttribute("data-remaining-ms"));
        Assert.Equal("timer", countdown.GetAttribute("role"));
    }

    [Fact]
    public void A_stopped_timer_shows_what_is_left_and_does_not_tick()
    {
        var item = Item(1, "停车整治", 15, elapsed: TimeSpan.FromMinutes(5));

        var countdown = Render<ItemCountdown>(p => p.Add(c => c.Item, item)).Find("[data-testid=agenda-countdown]");

        Assert.Equal("10:00", countdown.QuerySelector("[data-countdown-text]")!.TextContent);
        Assert.Equal("false", countdown.GetAttribute("data-running"));
    }

    [Fact]
    public void An_overrun_is_shown_with_a_plus_sign()
    {
        var item = Item(1, "停车整治", 10, timerSince: Now.AddMinutes(-12).AddSeconds(-5));

        var countdown = Render<ItemCountdown>(p => p.Add(c => c.Item, item));

        Assert.Equal("+2:05", countdown.Find("[data-countdown-text]").TextContent);
    }

    [Theory]
    [InlineData("zh-CN", "本议题剩余时间")]
    [InlineData("en", "Time left for this item")]
    public void Screen_readers_hear_what_the_time_is(string culture, string label)
    {
        var countdown = RenderIn<ItemCountdown>(culture, p => p.Add(c => c.Item, Item(1, "停车整治")));

        Assert.Equal(label, countdown.Find("[data-testid=agenda-countdown]").GetAttribute("aria-label"));
    }
}
