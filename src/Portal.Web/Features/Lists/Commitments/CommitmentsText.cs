namespace Portal.Web.Features.Lists.Commitments;

/// <summary>Marker for the commitment pages' and service's localized strings (CommitmentsText.resx, CommitmentsText.en.resx).</summary>
public sealed class CommitmentsText;
