namespace Portal.Web.Features.Councils.Display;

/// <summary>Marker for the display link, check-in sheet and check-in page strings (DisplayText.resx, DisplayText.en.resx).</summary>
public sealed class DisplayText;
