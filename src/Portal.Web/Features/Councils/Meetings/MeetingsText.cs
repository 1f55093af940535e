namespace Portal.Web.Features.Councils.Meetings;

/// <summary>Marker for the live meeting page's localized strings (MeetingsText.resx, MeetingsText.en.resx).</summary>
public sealed class MeetingsText;
