namespace Portal.Web.Components.Shared;

/// <summary>A choice for a drop-down or option list: the row's id and the name the user sees.</summary>
public sealed record Option(int Id, string Name);
