using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Web.Components.Shared;
using Portal.Web.Features.Localization;

namespace Portal.Components.Tests.Shared;

/// <summary>
/// The kit's pickers: a day (DayPicker), a 24-hour time (TimeOfDayPicker) and a meeting's start made of both
/// (DayTimePicker). "Today" on the calendar is China's day whatever the server's clock zone (PortalClock).
/// </summary>
public sealed class PickerTests : PortalComponentTest
{
    /// <summary>01:00 on 7 December in China, still 6 December on a server in UTC.</summary>
    private static readonly DateTimeOffset OneAmInChina = new(2026, 12, 6, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_portals_clock_reads_China_time_so_every_picker_takes_its_today_from_it()
    {
        // The same registration the app makes (AddPortalLocalization); MudBlazor's pickers inject this TimeProvider.
        var clock = Services.GetRequiredService<TimeProvider>();

        Assert.Equal(PortalTime.Zone, clock.LocalTimeZone);
        Assert.Equal(TimeSpan.FromHours(8), clock.GetLocalNow().Offset);
    }

    [Fact]
    public void At_one_in_the_morning_in_China_the_calendar_marks_Chinas_day_as_today()
    {
        Services.AddSingleton<TimeProvider>(new PortalClock(new StoppedClock(OneAmInChina)));

        var picker = Render<DayPicker>(p => p.AddUnmatched(nameof(MudDatePicker.PickerVariant), PickerVariant.Static));

        var today = picker.Find("button.mud-current");
        Assert.Equal("7", today.TextContent.Trim());
    }

    [Fact]
    public void A_day_is_dense_in_filter_bars_and_full_size_where_a_form_asks_for_it()
    {
        var dense = Render<DayPicker>();
        var full = Render<DayPicker>(p => p.Add(x => x.Margin, Margin.None));

        Assert.NotEmpty(dense.FindAll(".mud-input-margin-dense"));
        Assert.Empty(full.FindAll(".mud-input-margin-dense"));
    }

    [Fact]
    public void A_meetings_start_is_the_day_and_the_time_together_and_none_while_either_is_missing()
    {
        var values = new List<DateTime?>();
        var picker = Render<DayTimePicker>(p => p
            .Add(x => x.TestId, "start")
            .Add(x => x.ValueChanged, (DateTime? v) => values.Add(v)));

        picker.Find("[data-testid=start-day]").Change("2026-12-14");
        Assert.Equal([null], values);

        picker.Find("[data-testid=start-time]").Change("15:00");
        Assert.Equal(new DateTime(2026, 12, 14, 15, 0, 0), values[^1]);
    }

    [Fact]
    public void A_picked_day_stays_when_the_parent_draws_again_with_its_old_empty_value()
    {
        var picker = Render<DayTimePicker>(p => p.Add(x => x.TestId, "start"));

        picker.Find("[data-testid=start-day]").Change("2026-12-14");
        // The parent has not taken the (still incomplete) value: it passes its old null again.
        picker.Render(p => p.Add(x => x.Value, null));

        Assert.Equal("2026-12-14", picker.Find("[data-testid=start-day]").GetAttribute("value"));
    }

    [Fact]
    public void The_parents_new_moment_replaces_both_halves()
    {
        var picker = Render<DayTimePicker>(p => p.Add(x => x.TestId, "start").Add(x => x.Value, new DateTime(2026, 12, 14, 15, 0, 0)));

        Assert.Equal("2026-12-14", picker.Find("[data-testid=start-day]").GetAttribute("value"));
        Assert.Equal("15:00", picker.Find("[data-testid=start-time]").GetAttribute("value"));

        picker.Render(p => p.Add(x => x.Value, new DateTime(2026, 12, 15, 9, 30, 0)));

        Assert.Equal("2026-12-15", picker.Find("[data-testid=start-day]").GetAttribute("value"));
        Assert.Equal("09:30", picker.Find("[data-testid=start-time]").GetAttribute("value"));
    }

    [Fact]
    public void A_time_is_24_hour_whether_typed_or_given()
    {
        TimeOnly? value = null;
        var picker = Render<TimeOfDayPicker>(p => p
            .Add(x => x.Value, new TimeOnly(14, 30))
            .Add(x => x.ValueChanged, (TimeOnly? v) => value = v));
        Assert.Equal("14:30", picker.Find("input").GetAttribute("value"));

        picker.Find("input").Change("21:05");

        Assert.Equal(new TimeOnly(21, 5), value);
    }

    [Fact]
    public void A_time_that_is_not_one_is_none_so_the_service_reports_the_missing_time()
    {
        TimeOnly? value = new TimeOnly(14, 30);
        var picker = Render<TimeOfDayPicker>(p => p
            .Add(x => x.Value, value)
            .Add(x => x.ValueChanged, (TimeOnly? v) => value = v));

        picker.Find("input").Change("25:70");

        Assert.Null(value);
    }

    [Fact]
    public void The_server_message_shows_under_the_time()
    {
        var picker = Render<TimeOfDayPicker>(p => p.Add(x => x.ErrorText, "请按“14:30”的格式填写开始时间。"));

        Assert.Contains("请按“14:30”的格式填写开始时间。", picker.Find(".mud-input-helper-text").TextContent);
    }

    [Fact]
    public void A_day_that_is_not_one_says_how_to_write_it_in_Chinese()
    {
        DateOnly? value = new DateOnly(2026, 1, 1);
        var picker = Render<DayPicker>(p => p.Add(x => x.Value, value).Add(x => x.ValueChanged, (DateOnly? v) => value = v));

        picker.Find("input").Change("2026-13-45");

        Assert.Null(value);
        Assert.Equal("true", picker.Find("input").GetAttribute("aria-invalid"));
        Assert.Contains("请按“2026-12-14”的格式填写日期。", picker.Find(".mud-input-helper-text").TextContent);
    }

    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
