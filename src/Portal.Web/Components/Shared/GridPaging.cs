using MudBlazor;

namespace Portal.Web.Components.Shared;

/// <summary>
/// The one bridge between a <see cref="MudDataGrid{T}"/> loading its rows on the server (<c>ServerData</c>) and the
/// portal's paged queries: the grid's page becomes skip/take, the query's <see cref="PagedResult{T}"/> becomes the
/// grid's data. Services keep paging in the database; no grid ever holds a whole table.
/// </summary>
public static class GridPaging
{
    /// <summary>How many rows a grid shows per page unless a list says otherwise.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>The page sizes a grid's pager offers (<c>PageSizeOptions</c>); every one within what the services allow.</summary>
    public static readonly int[] PageSizes = [DefaultPageSize, 50, 100];

    /// <summary>The rows to skip for the grid's current page.</summary>
    public static int Skip<T>(this GridState<T> state) => state.Page * state.PageSize;

    /// <summary>The rows of the grid's current page.</summary>
    public static int Take<T>(this GridState<T> state) => state.PageSize;

    /// <summary>The column the grid is sorted by (its <c>SortBy</c> name) and the direction, or null when unsorted.</summary>
    public static (string Column, bool Descending)? SortOf<T>(this GridState<T> state) =>
        state.SortDefinitions.FirstOrDefault() is { } sort ? (sort.SortBy, sort.Descending) : null;

    /// <summary>
    /// A new search or filter: the grid shows its first page, asked of the database once. From a later page, moving to the
    /// first page loads it already (MudDataGrid loads on every change of page, without being awaited); reloading as well
    /// would run the query twice. On the first page only the reload asks again.
    /// </summary>
    public static Task ReloadFirstPageAsync<T>(this MudDataGrid<T> grid)
    {
        if (grid.CurrentPage == 0) return grid.ReloadServerData();
        grid.NavigateTo(Page.First);
        return Task.CompletedTask;
    }

    public static GridData<T> ToGridData<T>(this PagedResult<T> page) =>
        new() { Items = page.Items, TotalItems = page.Total };
}
