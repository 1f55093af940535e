namespace Portal.Web.Features.Lists.WorkItems;

/// <summary>Marker for the work-item list export's strings (title, columns, filters, signatures).</summary>
public sealed class ListExportText;
