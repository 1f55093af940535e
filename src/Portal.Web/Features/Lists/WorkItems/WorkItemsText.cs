namespace Portal.Web.Features.Lists.WorkItems;

/// <summary>Marker for the work-item pages' and service's localized strings (WorkItemsText.resx, WorkItemsText.en.resx).</summary>
public sealed class WorkItemsText;
