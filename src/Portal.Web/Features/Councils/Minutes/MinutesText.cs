namespace Portal.Web.Features.Councils.Minutes;

/// <summary>Marker for the minutes feature's localized strings (MinutesText.resx, MinutesText.en.resx).</summary>
public sealed class MinutesText;
