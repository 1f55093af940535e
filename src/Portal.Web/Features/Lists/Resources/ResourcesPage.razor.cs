using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Portal.Domain.WorkItems;
using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Results;
using Portal.Web.Kit.Live;
using Portal.Web.Features.Localization;
using MudBlazor;
using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Lists.Resources;

/// <summary>A category code with its name in the reader's language, for pickers.</summary>
public sealed record CategoryChoice(string Code, string Text);

/// <summary>
/// The resources list: server-side paging with search and kind/category/unit filters; liaisons and secretaries
/// publish and edit in an inline editor (a conflict keeps their input beside the saved values). Changes to resources
/// of the user's communities (capacity taken by a new project, say) refresh the page live.
/// </summary>
public partial class ResourcesPage : ComponentBase, IDisposable
{
    [Inject] private ResourceService Resources { get; set; } = default!;
    [Inject] private LiveEventBus Bus { get; set; } = default!;
    [Inject] private CallerScope Callers { get; set; } = default!;
    [Inject] private ResultText Texts { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] protected IStringLocalizer<ResourcesText> T { get; set; } = default!;
    [Inject] protected IStringLocalizer<ListsText> L { get; set; } = default!;
    [Inject] protected IStringLocalizer<SharedText> S { get; set; } = default!;

    protected MudDataGrid<ResourceRow>? Grid;
    protected string? Search;
    protected ResourceKind? KindFilter;
    protected string? CategoryFilter;
    protected int? UnitFilter;

    protected IReadOnlyList<EnumChoice<ResourceKind>> Kinds = [];
    protected IReadOnlyList<CategoryChoice> Categories = [];
    protected IReadOnlyList<Option> VisibleUnits = [];
    protected IReadOnlyList<Option> EditableUnits = [];
    protected bool CanPublish => EditableUnits.Count > 0;

    protected ResourceForm? Form;
    protected IReadOnlyDictionary<string, string> Errors = new Dictionary<string, string>();
    protected Result<ResourceForm>? Result;
    protected bool Saving;

    private readonly List<IDisposable> _subscriptions = [];

    protected override async Task OnInitializedAsync()
    {
        Kinds = EnumChoice<ResourceKind>.All(L, "ResourceKind");
        Categories = CategoryChoices(L);
        VisibleUnits = await Resources.VisibleUnitsAsync();
        EditableUnits = await Resources.EditableUnitsAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        var communities = (await Callers.GetAsync()).Visible;
        foreach (var community in communities)
            _subscriptions.Add(Bus.Subscribe(ListsChannels.For(community), e =>
                e.Type == ResourceEvents.Saved ? InvokeAsync(ReloadAsync) : Task.CompletedTask));
    }

    public static IReadOnlyList<CategoryChoice> CategoryChoices(IStringLocalizer<ListsText> l) =>
        WorkItemCategories.All.Select(c => new CategoryChoice(c, l[$"Category.{c}"])).ToList();

    /// <summary>One page, paged and filtered in the database (never the whole list).</summary>
    protected async Task<GridData<ResourceRow>> LoadAsync(GridState<ResourceRow> state, CancellationToken cancellationToken) =>
        (await Resources.ListAsync(new ResourceQuery(Search, state.Skip(), state.Take())
        {
            Kind = KindFilter, Category = CategoryFilter, UnitId = UnitFilter,
        })).ToGridData();

    private async Task ReloadAsync()
    {
        if (Grid is not null) await Grid.ReloadServerData();
    }

    /// <summary>A new search or filter starts from the first page.</summary>
    protected async Task ReloadFirstPageAsync()
    {
        if (Grid is not null) await Grid.ReloadFirstPageAsync();
    }

    protected async Task FilterAsync(Action set)
    {
        set();
        await ReloadFirstPageAsync();
    }

    protected string CategoryNames(IEnumerable<string> codes) => string.Join("、", codes.Select(c => L[$"Category.{c}"].Value));

    protected string Availability(ResourceRow row) => (row.AvailableFrom, row.AvailableUntil) switch
    {
        (null, null) => T["Resources.AlwaysAvailable"],
        (var from, var until) => $"{from?.ToString("yyyy-MM-dd") ?? "…"} ~ {until?.ToString("yyyy-MM-dd") ?? "…"}",
    };

    protected void Add() => Open(new ResourceForm { UnitId = UnitFilter is { } u && EditableUnits.Any(x => x.Id == u) ? u : EditableUnits[0].Id });

    protected async Task EditAsync(int id)
    {
        var form = await Resources.GetForEditAsync(id);
        if (form is null)
        {
            Snackbar.Add(T["Error.NotFound"], Severity.Warning);
            return;
        }
        Open(form);
    }

    private void Open(ResourceForm form)
    {
        Form = form;
        Errors = new Dictionary<string, string>();
        Result = null;
    }

    protected void CloseEditor() => Form = null;

    protected async Task SaveAsync()
    {
        if (Form is null || Saving) return;
        Saving = true;
        try
        {
            var result = await Resources.SaveAsync(Form);
            Result = result;
            Errors = Texts.ByField(result);
            if (result.Succeeded)
            {
                Snackbar.Add(S["Common.Saved"], Severity.Success);
                Form = null;
                await ReloadAsync();
            }
            else if (result is { Outcome: Outcome.Conflict, Current: { } current })
            {
                // Keep the user's input; adopt the current version so saving again knowingly replaces what is shown.
                Form.Version = current.Version;
            }
        }
        finally
        {
            Saving = false;
        }
    }

    public void Dispose()
    {
        foreach (var s in _subscriptions) s.Dispose();
        _subscriptions.Clear();
    }
}
