using MudBlazor;
using Portal.Web.Components.Shared;

namespace Portal.Components.Tests.Shared;

/// <summary>
/// The kit's bridge to a server-paged grid: a new search or filter shows the first page, and asks the database for it once
/// (the accounts page asked twice from a later page: moving to the first page loads it, and reloading loads it again).
/// </summary>
public sealed class GridPagingTests : PortalComponentTest
{
    private readonly List<int> _loads = [];

    private IRenderedComponent<MudDataGrid<int>> RenderGrid()
    {
        var grid = Render<MudDataGrid<int>>(p => p
            .Add(g => g.RowsPerPage, 10)
            .Add(g => g.ServerData, (state, _) =>
            {
                lock (_loads) _loads.Add(state.Page);
                return Task.FromResult(new PagedResult<int>(Enumerable.Range(state.Skip(), state.Take()).ToList(), 100).ToGridData());
            }));
        grid.WaitForAssertion(() => Assert.Equal([0], Loads()));
        return grid;
    }

    private int[] Loads()
    {
        lock (_loads) return [.. _loads];
    }

    /// <summary>Waits a moment for loads the grid may start without awaiting them, then returns every page asked for.</summary>
    private async Task<int[]> SettledLoadsAsync()
    {
        await Task.Delay(300, Xunit.TestContext.Current.CancellationToken);
        return Loads();
    }

    [Fact]
    public async Task From_a_later_page_a_new_search_loads_the_first_page_once()
    {
        var grid = RenderGrid();
        await grid.InvokeAsync(() => grid.Instance.NavigateTo(Page.Last));
        grid.WaitForAssertion(() => Assert.Equal([0, 9], Loads()));
        lock (_loads) _loads.Clear();

        await grid.InvokeAsync(() => grid.Instance.ReloadFirstPageAsync());

        var loads = await SettledLoadsAsync();
        Assert.Equal([0], loads);
        Assert.Equal(0, grid.Instance.CurrentPage);
    }

    [Fact]
    public async Task On_the_first_page_a_new_search_loads_it_again_once()
    {
        var grid = RenderGrid();
        lock (_loads) _loads.Clear();

        await grid.InvokeAsync(() => grid.Instance.ReloadFirstPageAsync());

        var loads = await SettledLoadsAsync();
        Assert.Equal([0], loads);
    }
}
