using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.Localization;
using Radzen;
using Portal.Web.Components.Shared.Export;
using Portal.Web.Features.Lists.Export;
using Portal.Web.Features.Live;

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
    [Inject] private ILogger<NeedsPage> Logger { get; set; } = default!;

    private NeedsFilterModel _filter = new();
    private WorkItemQuery _query = new() { Take = PageSize };
    private WorkItemQuery _applied = new() { Take = PageSize };
    private IReadOnlyList<AppliedFilter> _chips = [];
    private string _listKey = string.Empty;
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
        await LoadAsync();
        Nav.LocationChanged += OnLocationChanged;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        _feed = ListsFeed.Subscribe(Bus, await Items.CommunitiesAsync(), _ => ReloadFromOutsideAsync());
        // Anything that changed between the first load and the subscription.
        await LoadAsync();
        StateHasChanged();
    }

    private void ReadAddress(string uri)
    {
        _query = ListQueryString.Parse(uri, _mineByDefault) with { Take = PageSize };
        _filter = NeedsFilterModel.Of(_query);
        _listKey = ListQueryString.Format(_query, _mineByDefault);
    }

    private async Task LoadAsync()
    {
        _page = await Items.ListAsync(_query);
        _applied = _page.Applied;
        _chips = AppliedFilters.Of(_applied, T, L, _capabilities);
    }

    private string ExportHref(ExportFormat format) => ListExportExtensions.ExportUrl(_applied, format);

    /// <summary>Applying writes the filters into the address; <see cref="OnLocationChanged"/> then loads the list.</summary>
    private async Task ApplyAsync()
    {
        var target = ListQueryString.ListUrl(_filter.ToQuery(_applied), _mineByDefault);
        if (IsCurrent(target))
        {
            // Same address (nothing changed): navigating would not reload, but the user asked for fresh results.
            _query = _query with { Skip = 0 };
            await LoadAsync();
            return;
        }
        Nav.NavigateTo(target);
    }

    private Task ResetAsync()
    {
        Nav.NavigateTo(ListQueryString.ListUrl(new WorkItemQuery(), _mineByDefault));
        return Task.CompletedTask;
    }

    private bool IsCurrent(string relative) =>
        string.Equals(Nav.ToAbsoluteUri(relative).PathAndQuery, new Uri(Nav.Uri).PathAndQuery, StringComparison.Ordinal);

    private async Task PageChangedAsync(PagerEventArgs args)
    {
        _query = _query with { Skip = args.Skip };
        await LoadAsync();
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        // Only addresses of this page; leaving for an item's page is not a new filter.
        var path = Nav.ToBaseRelativePath(e.Location).Split('?', '#')[0].TrimEnd('/');
        if (path is not (ListQueryString.ListPath or "lists/needs")) return;
        _ = InvokeAsync(async () =>
        {
            if (_disposed) return;
            try
            {
                ReadAddress(e.Location);
                await LoadAsync();
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
            await InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            });
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
