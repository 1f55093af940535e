using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Portal.Web.Features.Localization;
using Portal.Web.Kit.Results;

namespace Portal.Web.Components.Shared;

/// <summary>
/// The behaviour every server-paged list with an inline editor shares, for a <see cref="MudDataGrid{T}"/> whose
/// <c>ServerData</c> is <see cref="LoadServerDataAsync"/>: paging and search done by the list's query in the database,
/// an inline editor (<see cref="EditorPanel"/>), confirmation before delete, and the concurrency flow (on a conflict the
/// user's input stays in the form and the current saved values are shown next to it; saving again then deliberately
/// overwrites). The markup of each list only lays out its toolbar, columns and fields.
/// </summary>
/// <typeparam name="TRow">A row of the grid.</typeparam>
/// <typeparam name="TForm">The editor's form.</typeparam>
/// <typeparam name="TQuery">The list's query: search term, its filters and the page window.</typeparam>
public abstract class ServerListBase<TRow, TForm, TQuery> : ComponentBase where TRow : notnull where TForm : VersionedForm
{
    [Inject] protected IStringLocalizer<SharedText> S { get; set; } = default!;
    [Inject] protected IDialogService Dialogs { get; set; } = default!;
    [Inject] protected ISnackbar Snackbar { get; set; } = default!;
    [Inject] protected ResultText Texts { get; set; } = default!;

    protected const int PageSize = GridPaging.DefaultPageSize;

    /// <summary>Set by the markup (<c>@ref="Grid"</c>).</summary>
    protected MudDataGrid<TRow>? Grid;
    protected string? Search;

    /// <summary>The row being edited (the user's input), or null when the editor is closed.</summary>
    protected TForm? Form;
    /// <summary>
    /// The last save's result (decision 0023): <see cref="EditorPanel"/> shows the form's message and a conflict, the
    /// fields their own problems (<see cref="ErrorOf"/>).
    /// </summary>
    protected Result<TForm>? LastResult;
    /// <summary>After a conflict: the row as someone else saved it, shown beside the user's input (null: deleted meanwhile).</summary>
    protected TForm? Conflict => LastResult?.Current;
    protected bool Saving;

    /// <summary>The list's query for the search term and page window, with the list's own filters.</summary>
    protected abstract TQuery QueryOf(string? search, int skip, int take);
    protected abstract Task<PagedResult<TRow>> LoadPageAsync(TQuery query);
    protected abstract Task<TForm?> GetAsync(int id);
    protected abstract Task<Result<TForm>> SaveFormAsync(TForm form);
    protected abstract Task<Result<TForm>> DeleteFormAsync(int id, Guid version);
    protected abstract TForm NewForm();

    /// <summary>The grid's <c>ServerData</c>: one page of rows, queried in the database.</summary>
    protected async Task<GridData<TRow>> LoadServerDataAsync(GridState<TRow> state, CancellationToken cancellation) =>
        (await LoadPageAsync(QueryOf(Search, state.Skip(), state.Take()))).ToGridData();

    /// <summary>Reloads the grid's page; a new search or filter starts again at the first page.</summary>
    protected async Task ReloadAsync(bool firstPage = false)
    {
        if (Grid is null) return;
        if (firstPage) await Grid.ReloadFirstPageAsync();
        else await Grid.ReloadServerData();
    }

    protected virtual Task SearchAsync() => ReloadAsync(firstPage: true);

    protected void Add() => Open(NewForm());

    protected async Task EditAsync(int id)
    {
        var form = await GetAsync(id);
        if (form is null)
        {
            Snackbar.Add(S["Common.NotFound"], Severity.Warning);
            await ReloadAsync();
            return;
        }
        Open(form);
    }

    private void Open(TForm form)
    {
        Form = form;
        LastResult = null;
    }

    protected void CloseEditor()
    {
        Form = null;
        LastResult = null;
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
                Snackbar.Add(S["Common.Saved"], Severity.Success);
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

    /// <summary>Called after a successful save or delete, e.g. to refresh pickers or a summary.</summary>
    protected virtual Task OnSavedAsync() => Task.CompletedTask;

    private void Apply(Result<TForm> result)
    {
        LastResult = result;
        if (result.Outcome != Outcome.Conflict) return;
        // Keep the user's input; adopt the current version so the next save knowingly replaces what is shown.
        if (Form is not null && result.Current is not null) Form.Version = result.Current.Version;
    }

    /// <summary>Asks first (<see cref="Confirmation"/>), then deletes the version the user last saw.</summary>
    protected async Task ConfirmDeleteAsync(int id, string name)
    {
        if (!await Dialogs.ConfirmAsync(S["Common.ConfirmDeleteTitle"], S["Common.ConfirmDelete", name], S["Common.Delete"], S["Common.Cancel"])) return;
        var version = Form?.Id == id ? Form.Version : (await GetAsync(id))?.Version;
        if (version is null)
        {
            Snackbar.Add(S["Common.NotFound"], Severity.Warning);
            await ReloadAsync();
            return;
        }
        var result = await DeleteFormAsync(id, version.Value);
        switch (result.Outcome)
        {
            case Outcome.Succeeded:
                Snackbar.Add(S["Common.Deleted"], Severity.Success);
                if (Form?.Id == id) CloseEditor();
                await ReloadAsync();
                await OnSavedAsync();
                break;
            case Outcome.Conflict:
                Snackbar.Add(S["Common.DeleteConflict"], Severity.Warning);
                await ReloadAsync();
                break;
            default:
                Snackbar.Add(Texts.Of(result) ?? S["Common.NotFound"], Severity.Error);
                break;
        }
    }

    /// <summary>The last save's message for <paramref name="field"/>, in the reader's language.</summary>
    protected string? ErrorOf(string field) => Texts.Of(LastResult, field);
}
