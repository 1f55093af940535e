using System.Globalization;

namespace Portal.Web.Features.Localization;

/// <summary>
/// The portal's users are in China: times are stored in UTC and shown, and date filters read, in China Standard Time
/// (no daylight saving), formatted per the user's culture. The one place every feature converts times.
/// </summary>
public static class PortalTime
{
    public static TimeZoneInfo Zone { get; } = FindZone();

    /// <summary>Culture-independent timestamp for files (CSV exports).</summary>
    public const string FileFormat = "yyyy-MM-dd HH:mm:ss";

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>Short date and time in the current culture ("2026/11/22 14:30", "11/22/2026 2:30 PM"); empty for none.</summary>
    public static string Short(DateTime? utc) =>
        utc is { } value ? ToLocal(value).ToString("g", CultureInfo.CurrentCulture) : string.Empty;

    /// <summary>Date and time with seconds in the current culture.</summary>
    public static string Long(DateTime utc) => ToLocal(utc).ToString("G", CultureInfo.CurrentCulture);

    /// <summary>The UTC instant at which the local day begins.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // Minimal containers may lack tzdata; China has had a fixed UTC+8 offset since 1991.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}
