namespace Portal.Web.Features.Councils;

/// <summary>Marker for the councils feature's localized strings (CouncilsText.resx, CouncilsText.en.resx).</summary>
public sealed class CouncilsText;
