namespace Portal.Web.Features.Deliberation.Notices;

/// <summary>Marker for the notice pages' localized strings (NoticesText.resx, NoticesText.en.resx).</summary>
public sealed class NoticesText;
