using System.Globalization;
using Portal.Web.Features.Audit;

namespace Portal.Web.Features.Announcements;

/// <summary>Announcement times are stored in UTC and shown in China Standard Time, formatted per the user's culture.</summary>
public static class AnnouncementTime
{
    /// <summary>Short date and time ("2026/11/22 14:30" in Chinese, "11/22/2026 2:30 PM" in English); empty when not published.</summary>
    public static string Format(DateTime? utc) =>
        utc is { } value ? AuditTime.ToLocal(value).ToString("g", CultureInfo.CurrentCulture) : string.Empty;
}
