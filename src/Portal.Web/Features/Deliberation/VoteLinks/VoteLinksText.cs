namespace Portal.Web.Features.Deliberation.VoteLinks;

/// <summary>Marker for the session vote section's localized strings (VoteLinksText.resx, VoteLinksText.en.resx).</summary>
public sealed class VoteLinksText;
