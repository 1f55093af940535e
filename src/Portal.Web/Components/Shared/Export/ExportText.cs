namespace Portal.Web.Components.Shared.Export;

/// <summary>Marker for the export kit's strings (the download buttons, the Word footer, a refused format).</summary>
public sealed class ExportText;
