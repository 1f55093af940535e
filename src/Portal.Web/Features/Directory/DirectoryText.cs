namespace Portal.Web.Features.Directory;

/// <summary>Marker for the directory feature's localized strings (DirectoryText.resx, DirectoryText.en.resx).</summary>
public sealed class DirectoryText;
