namespace Portal.Web.Features.Deliberation.Opinions;

/// <summary>Marker for the opinions and plan sections' localized strings (OpinionsText.resx, OpinionsText.en.resx).</summary>
public sealed class OpinionsText;
