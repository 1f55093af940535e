using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Portal.Web.Features.Localization;
using Radzen;
using Radzen.Blazor;
using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Directory.Components;

/// <summary>
/// The behaviour every directory list shares: server-side paging and search through the grid's LoadData, an
/// inline editor, confirmation before delete, and the concurrency flow (on a conflict the user's input stays in
/// the form and the current saved values are shown next to it; saving again then deliberately overwrites).
/// The markup of each list only lays out its columns and fields.
/// </summary>
public abstract class DirectoryListBase<TRow, TForm> : ComponentBase where TRow : notnull where TForm : VersionedForm
{
    [Inject] protected IStringLocalizer<DirectoryText> T { get; set; } = default!;
    [Inject] protected IStringLocalizer<SharedText> S { get; set; } = default!;
    [Inject] protected DialogService Dialogs { get; set; } = default!;
    [Inject] protected NotificationService Notifications { get; set; } = default!;

    protected const int PageSize = 20;

    protected RadzenDataGrid<TRow>? Grid;
    /// <summary>Null until the first page is loaded: the grid asks for its first page only while it has no data.</summary>
    protected IReadOnlyList<TRow>? Items;
    protected int Count;
    protected bool Loading;
    protected string? Search;

    /// <summary>The row being edited (the user's input), or null when the editor is closed.</summary>
    protected TForm? Form;
    protected IReadOnlyDictionary<string, string> Errors = new Dictionary<string, string>();
    /// <summary>After a conflict: the row as someone else saved it, shown beside the user's input.</summary>
    protected TForm? Conflict;
    protected bool ConflictDeleted;
    protected bool Saving;

    protected abstract Task<PagedResult<TRow>> LoadPageAsync(DirectoryQuery query);
    protected abstract Task<TForm?> GetAsync(int id);
    protected abstract Task<SaveResult<TForm>> SaveFormAsync(TForm form);
    protected abstract Task<SaveResult<TForm>> DeleteFormAsync(int id, Guid version);
    protected abstract TForm NewForm();

    /// <summary>Extra filters of the list (community, grid, building...).</summary>
    protected virtual DirectoryQuery WithFilters(DirectoryQuery query) => query;

    protected async Task LoadData(LoadDataArgs args)
    {
        Loading = true;
        var page = await LoadPageAsync(WithFilters(new DirectoryQuery(Search, args.Skip ?? 0, args.Top ?? PageSize)));
        Items = page.Items;
        Count = page.Total;
        Loading = false;
    }

    protected async Task ReloadAsync(bool firstPage = false)
    {
        if (Grid is null) return;
        if (firstPage) await Grid.FirstPage(true);
        else await Grid.Reload();
    }

    protected virtual Task SearchAsync() => ReloadAsync(firstPage: true);

    protected void Add()
    {
        Open(NewForm());
    }

    protected async Task EditAsync(int id)
    {
        var form = await GetAsync(id);
        if (form is null)
        {
            Notifications.Notify(NotificationSeverity.Warning, T["Error.NotFound"]);
            await ReloadAsync();
            return;
        }
        Open(form);
    }

    private void Open(TForm form)
    {
        Form = form;
        Errors = new Dictionary<string, string>();
        Conflict = null;
        ConflictDeleted = false;
    }

    protected void CloseEditor()
    {
        Form = null;
        Conflict = null;
        ConflictDeleted = false;
        Errors = new Dictionary<string, string>();
    }

    protected async Task SaveAsync()
    {
        if (Form is null || Saving) return;
        Saving = true;
        try
        {
            var result = await SaveFormAsync(Form);
            Apply(result);
            if (result.Succeeded)
            {
                Notifications.Notify(NotificationSeverity.Success, S["Common.Saved"]);
                CloseEditor();
                await ReloadAsync();
                await OnSavedAsync();
            }
        }
        finally
        {
            Saving = false;
        }
    }

    /// <summary>Called after a successful save or delete, e.g. to refresh pickers.</summary>
    protected virtual Task OnSavedAsync() => Task.CompletedTask;

    private void Apply(SaveResult<TForm> result)
    {
        Errors = result.Errors;
        if (result.Status != SaveStatus.Conflict) return;
        Conflict = result.Current;
        ConflictDeleted = result.Current is null;
        // Keep the user's input; adopt the current version so the next save knowingly replaces what is shown.
        if (Form is not null && result.Current is not null) Form.Version = result.Current.Version;
    }

    protected async Task ConfirmDeleteAsync(int id, string name)
    {
        var confirmed = await Dialogs.Confirm(S["Common.ConfirmDelete", name], S["Common.ConfirmDeleteTitle"],
            new ConfirmOptions { OkButtonText = S["Common.Delete"], CancelButtonText = S["Common.Cancel"] });
        if (confirmed != true) return;
        var version = Form?.Id == id ? Form.Version : (await GetAsync(id))?.Version;
        if (version is null)
        {
            Notifications.Notify(NotificationSeverity.Warning, T["Error.NotFound"]);
            await ReloadAsync();
            return;
        }
        var result = await DeleteFormAsync(id, version.Value);
        switch (result.Status)
        {
            case SaveStatus.Saved:
                Notifications.Notify(NotificationSeverity.Success, S["Common.Deleted"]);
                if (Form?.Id == id) CloseEditor();
                await ReloadAsync();
                await OnSavedAsync();
                break;
            case SaveStatus.Conflict:
                Notifications.Notify(NotificationSeverity.Warning, T["Error.DeleteConflict"]);
                await ReloadAsync();
                break;
            default:
                Notifications.Notify(NotificationSeverity.Error, result.Errors.Values.FirstOrDefault() ?? T["Error.NotFound"]);
                break;
        }
    }

    protected string? ErrorOf(string field) => Errors.TryGetValue(field, out var message) ? message : null;
}
