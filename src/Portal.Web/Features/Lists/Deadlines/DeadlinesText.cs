namespace Portal.Web.Features.Lists.Deadlines;

/// <summary>Marker for the texts of the deadline-rules page and its errors.</summary>
public sealed class DeadlinesText;
