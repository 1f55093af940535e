using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Portal.Web.Components.Shared;
using Portal.Web.Components.Shared.Export;
using Portal.Web.Kit.Live;

namespace Portal.Web.Features.Lists.WorkItems.Pages;

/// <summary>
/// The work-item list at /lists. Its filters live in the address (<see cref="ListQueryString"/>): applying them navigates,
/// and any change of the address while the page is open (a chip's clear link, back/forward, a dashboard link) reloads the
/// list, so what is shown is always what the address says and every filtered list can be shared or exported as it is.
/// </summary>
public sealed partial class NeedsPage : IDisposable
{
    private const int PageSize = 20;

    [Inject] private WorkItemService Items { get; set; } = default!;
    [Inject] private LiveEventBus Bus { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private IStringLocalizer<WorkItemsText> T { get; set; } = default!;
    [Inject] private IStringLocalizer<ListsText> L { get; set; } = default!;
    [Inject] private IStringLocalizer<WorkItemWords> W { get; set; } = default!;
    [Inject] private ILogger<NeedsPage> Logger { get; set; } = default!;

    private NeedsFilterModel _filter = new();
    private WorkItemQuery _query = new() { Take = PageSize };
    private WorkItemQuery _applied = new() { Take = PageSize };
    private IReadOnlyList<AppliedFilter> _chips = [];
    private string _listKey = string.Empty;
    /// <summary>The grid's identity: a new address or a fresh "apply" makes a new grid, which starts on page one.</summary>
    private string _gridKey = string.Empty;
    private int _applies;
    private MudDataGrid<WorkItemRow>? _grid;
    private bool _mineByDefault;
    private WorkItemList? _page;
    private WorkItemCapabilities? _capabilities;
    private LiveFeed? _feed;
    private bool _disposed;

    protected override async Task OnInitializedAsync()
    {
        _capabilities = await Items.CapabilitiesAsync();
        // Residents and members see (nearly) only their own needs anyway; for them the list starts as "my needs".
        _mineByDefault = !_capabilities.WorksOnOthersItems;
        ReadAddress(Nav.Uri);
        Nav.LocationChanged += OnLocationChanged;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        _feed = ListsFeed.Subscribe(Bus, await Items.CommunitiesAsync(), _ => ReloadFromOutsideAsync());
        // Anything that changed between the first load and the subscription.
        await ReloadGridAsync();
    }

    private void ReadAddress(string uri)
    {
        _query = ListQueryString.Parse(uri, _mineByDefault) with { Take = PageSize };
        _filter = NeedsFilterModel.Of(_query);
        _listKey = ListQueryString.Format(_query, _mineByDefault);
        _gridKey = $"{_listKey}#{_applies}";
    }

    /// <summary>The grid's page of the address's query, read from the database; the total, chips and export follow it.</summary>
    private async Task<GridData<WorkItemRow>> LoadPageAsync(GridState<WorkItemRow> state, CancellationToken ct)
    {
        var page = await Items.ListAsync(_query with { Skip = state.Skip(), Take = state.Take() }, ct);
        _page = page;
        _applied = page.Applied;
        _chips = AppliedFilters.Of(_applied, T, L, W, _capabilities);
        // The heading's export buttons, the total and the chips live outside the grid.
        StateHasChanged();
        return new PagedResult<WorkItemRow>(page.Items, page.Total).ToGridData();
    }

    private Task ReloadGridAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private string ExportHref(ExportFormat format) => ListExportExtensions.ExportUrl(_applied, format);

    /// <summary>Applying writes the filters into the address; <see cref="OnLocationChanged"/> then loads the list.</summary>
    private Task ApplyAsync()
    {
        var target = ListQueryString.ListUrl(_filter.ToQuery(_applied), _mineByDefault);
        if (IsCurrent(target))
        {
            // Same address (nothing changed): navigating would not reload, but the user asked for fresh results from page one.
            _applies++;
            _gridKey = $"{_listKey}#{_applies}";
            return Task.CompletedTask;
        }
        Nav.NavigateTo(target);
        return Task.CompletedTask;
    }

    private Task ResetAsync()
    {
        Nav.NavigateTo(ListQueryString.ListUrl(new WorkItemQuery(), _mineByDefault));
        return Task.CompletedTask;
    }

    private bool IsCurrent(string relative) =>
        string.Equals(Nav.ToAbsoluteUri(relative).PathAndQuery, new Uri(Nav.Uri).PathAndQuery, StringComparison.Ordinal);

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        // Only addresses of this page; leaving for an item's page is not a new filter.
        var path = Nav.ToBaseRelativePath(e.Location).Split('?', '#')[0].TrimEnd('/');
        if (path is not (ListQueryString.ListPath or "lists/needs")) return;
        _ = InvokeAsync(() =>
        {
            if (_disposed) return;
            try
            {
                // A new address makes a new grid (its key), which loads page one of the new query.
                ReadAddress(e.Location);
                StateHasChanged();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Logger.LogWarning(ex, "Loading the needs list for a new address failed");
            }
        });
    }

    private async Task ReloadFromOutsideAsync()
    {
        if (_disposed) return;
        try
        {
            // The grid reloads the page it shows.
            await InvokeAsync(ReloadGridAsync);
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away while the event was on its way.
        }
        catch (Exception ex)
        {
            Logger.LogWarning(ex, "Refreshing the needs list failed");
        }
    }

    public void Dispose()
    {
        _disposed = true;
        Nav.LocationChanged -= OnLocationChanged;
        _feed?.Dispose();
    }
}
