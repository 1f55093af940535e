using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Domain.Access;
using Portal.Web.Components.Shared;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Accounts.Administration;

/// <summary>
/// The account list of a street administrator. Every action goes through <see cref="AccountAdministration"/>, which
/// checks the caller again; this class only opens dialogs (handing them the service calls), asks for confirmation and
/// reports the outcome.
/// </summary>
public partial class AccountsPage
{
    private MudDataGrid<AccountRow>? _grid;
    private string? _search;

    private async Task<GridData<AccountRow>> LoadAsync(GridState<AccountRow> state, CancellationToken ct)
    {
        var page = await Accounts.ListAsync(new AccountQuery(_search, state.Skip(), state.Take()), ct);
        return new PagedResult<AccountRow>(page.Rows, page.Total).ToGridData();
    }

    /// <summary>A new search starts at the first page.</summary>
    private async Task SearchAsync()
    {
        if (_grid is not null) await _grid.ReloadFirstPageAsync();
    }

    private async Task ReloadAsync()
    {
        if (_grid is not null) await _grid.ReloadServerData();
    }

    private Task<IReadOnlyList<PersonOption>> FindPeopleAsync(string? search, CancellationToken ct) =>
        Accounts.FindPeopleAsync(search, ct: ct);

    private async Task CreateAsync()
    {
        var parameters = new DialogParameters<CreateAccountDialog>
        {
            { d => d.Create, account => Accounts.CreateAsync(account) },
            { d => d.FindPeople, FindPeopleAsync },
        };
        if (await ShowAsync(T["Admin.Create"], parameters) is string userName)
        {
            Snackbar.Add(T["Admin.Created", userName], Severity.Success);
            _search = userName;
            await SearchAsync();
        }
    }

    private async Task GrantAsync(AccountRow account)
    {
        var parameters = new DialogParameters<GrantRoleDialog>
        {
            { d => d.Account, account },
            { d => d.ScopesFor, role => Accounts.ScopeOptionsAsync(role) },
            { d => d.Grant, role => Accounts.GrantAsync(account.Id, role) },
        };
        if (await ShowAsync(T["Admin.GrantTo", account.UserName], parameters) is true)
        {
            Snackbar.Add(T["Admin.Granted"], Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task RevokeAsync(AccountRow account, AccountRoleRow role)
    {
        var label = RoleLabels.Describe(S, T, role.Role, role.ScopeName);
        if (!await Dialogs.ConfirmAsync(T["Admin.RevokeTitle"], T["Admin.RevokeConfirm", account.UserName, label], T["Admin.Revoke"], S["Common.Cancel"])) return;
        await RunAsync(() => Accounts.RevokeAsync(role.AssignmentId), T["Admin.Revoked"]);
    }

    private async Task ResetPasswordAsync(AccountRow account)
    {
        var parameters = new DialogParameters<ResetPasswordDialog>
        {
            { d => d.Account, account },
            { d => d.Reset, password => Accounts.ResetPasswordAsync(account.Id, password) },
        };
        if (await ShowAsync(T["Admin.ResetFor", account.UserName], parameters) is true)
            Snackbar.Add(T["Admin.PasswordWasReset", account.UserName], Severity.Success);
    }

    private async Task LinkPersonAsync(AccountRow account)
    {
        var parameters = new DialogParameters<LinkPersonDialog>
        {
            { d => d.Account, account },
            { d => d.Link, personId => Accounts.LinkPersonAsync(account.Id, personId) },
            { d => d.FindPeople, FindPeopleAsync },
        };
        if (await ShowAsync(T["Admin.LinkFor", account.UserName], parameters) is true)
        {
            Snackbar.Add(T["Admin.Linked"], Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task UnlockAsync(AccountRow account)
    {
        if (!await Dialogs.ConfirmAsync(T["Admin.UnlockTitle"], T["Admin.UnlockConfirm", account.UserName], T["Admin.Unlock"], S["Common.Cancel"])) return;
        await RunAsync(() => Accounts.UnlockAsync(account.Id), T["Admin.Unlocked", account.UserName]);
    }

    private Task EnableAsync(AccountRow account) =>
        RunAsync(() => Accounts.EnableAsync(account.Id), T["Admin.WasEnabled", account.UserName]);

    private async Task DisableAsync(AccountRow account)
    {
        if (!await Dialogs.ConfirmAsync(T["Admin.DisableTitle"], T["Admin.DisableConfirm", account.UserName], T["Admin.Disable"], S["Common.Cancel"])) return;
        await RunAsync(() => Accounts.DisableAsync(account.Id), T["Admin.WasDisabled", account.UserName]);
    }

    /// <summary>Opens a form dialog and returns what it closed with, or null when it was cancelled.</summary>
    private async Task<object?> ShowAsync<TDialog>(string title, DialogParameters<TDialog> parameters) where TDialog : IComponent
    {
        var dialog = await Dialogs.ShowAsync<TDialog>(title, parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true, CloseButton = true });
        var result = await dialog.Result;
        return result is { Canceled: false } ? result.Data : null;
    }

    /// <summary>Runs one action and reports it; a refusal by the service (rules, another street) is shown, never swallowed.</summary>
    private async Task RunAsync(Func<Task<Result>> action, string success)
    {
        try
        {
            var result = await action();
            if (result.Succeeded)
                Snackbar.Add(success, Severity.Success);
            else
                Snackbar.Add(string.Join(" ", result.Problems.Select(p => Texts[p.Message])), Severity.Error);
        }
        catch (UnauthorizedAccessException)
        {
            Snackbar.Add(T["Admin.NotAllowed"], Severity.Error);
        }
        await ReloadAsync();
    }
}
