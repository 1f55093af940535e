using System.Globalization;

namespace Portal.Web.Features.Councils.Topics;

/// <summary>
/// The value of a browser's date-and-time field (<c>input type="datetime-local"</c>), which is always
/// <c>2026-12-14T15:00</c> whatever the reader's language. MudBlazor's converter reads it in the page's culture and
/// fails in zh-CN, so the fields bind this text and the form gets the time or nothing (the service then says
/// "请填写会议时间。" under the field). The time is China time, as the page shows it.
/// </summary>
public static class DateTimeLocalText
{
    public const string Format = "yyyy-MM-ddTHH:mm";

    public static string Of(DateTime? local) => local?.ToString(Format, CultureInfo.InvariantCulture) ?? "";

    /// <summary>Chromium may add seconds when they are not zero; anything else is no time at all.</summary>
    public static DateTime? Parse(string? text) =>
        DateTime.TryParseExact(text?.Trim(), [Format, "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? local
            : null;
}
