namespace Portal.Web.Features.Announcements;

/// <summary>Marker for the announcements feature's localized strings (AnnouncementsText.resx, AnnouncementsText.en.resx).</summary>
public sealed class AnnouncementsText;
