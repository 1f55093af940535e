namespace Portal.Web.Features.Deliberation.Meetings;

/// <summary>Marker for the meeting pages' localized strings (MeetingsText.resx, MeetingsText.en.resx).</summary>
public sealed class MeetingsText;
