using System.Globalization;

namespace Portal.Web.Components.Shared.Export;

/// <summary>
/// Formal papers (a vote's result announcement, a session's archive) are official Chinese documents whatever language the
/// reader's screen is in, as the councils' minutes are. Inside <see cref="Enter"/> the localizers and
/// <c>ResultText</c> answer in Simplified Chinese; leaving it restores the reader's culture. Use it around synchronous
/// code, or around awaits that should write Chinese too (the culture flows into what is awaited inside the block).
/// </summary>
public static class OfficialLanguage
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("zh-CN");

    public static IDisposable Enter()
    {
        var ui = CultureInfo.CurrentUICulture;
        var formatting = CultureInfo.CurrentCulture;
        CultureInfo.CurrentUICulture = Culture;
        CultureInfo.CurrentCulture = Culture;
        return new Restore(ui, formatting);
    }

    /// <summary>A day as official documents write it: 2026年12月7日.</summary>
    public static string Date(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";

    /// <summary>A local time as official documents write it: 2026年12月7日 10:32.</summary>
    public static string DateTime(DateTime local) =>
        Date(DateOnly.FromDateTime(local)) + " " + local.ToString("HH:mm", CultureInfo.InvariantCulture);

    private sealed class Restore(CultureInfo ui, CultureInfo formatting) : IDisposable
    {
        public void Dispose()
        {
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.CurrentCulture = formatting;
        }
    }
}
