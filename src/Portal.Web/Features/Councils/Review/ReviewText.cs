namespace Portal.Web.Features.Councils.Review;

/// <summary>Marker for the annual review's localized strings (ReviewText.resx, ReviewText.en.resx).</summary>
public sealed class ReviewText;
