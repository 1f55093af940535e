namespace Portal.Web.Components.Shared;

/// <summary>
/// One page of a list queried in the database: the rows of the page and how many rows the whole query matches,
/// which is all a grid needs to page on the server (never the whole table in a circuit).
/// </summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total);
