namespace Portal.Web.Features.Councils;

/// <summary>Marker for the attendance and check-in strings (AttendanceText.resx, AttendanceText.en.resx).</summary>
public sealed class AttendanceText;
