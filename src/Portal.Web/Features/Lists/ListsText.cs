namespace Portal.Web.Features.Lists;

/// <summary>Marker for the labels shared by all three lists: statuses, kinds, categories, urgencies, channels, actions.</summary>
public sealed class ListsText;
