namespace Portal.Web.Features.Audit;

/// <summary>
/// The portal's users are in China: audit times are shown, and date filters are read, in China Standard Time
/// (no daylight saving), while the log stores UTC.
/// </summary>
public static class AuditTime
{
    public static TimeZoneInfo Zone { get; } = FindZone();

    public const string Format = "yyyy-MM-dd HH:mm:ss";

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

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
