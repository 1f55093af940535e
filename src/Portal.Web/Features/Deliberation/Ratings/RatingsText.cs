namespace Portal.Web.Features.Deliberation.Ratings;

/// <summary>Marker for the rating section's localized strings (RatingsText.resx, RatingsText.en.resx).</summary>
public sealed class RatingsText;
