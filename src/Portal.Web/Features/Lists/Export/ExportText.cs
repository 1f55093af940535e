namespace Portal.Web.Features.Lists.Export;

/// <summary>Marker for the export strings (file footers, list export columns and messages).</summary>
public sealed class ExportText;
