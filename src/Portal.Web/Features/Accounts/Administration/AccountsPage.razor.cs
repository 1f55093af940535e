using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Identity;
using Radzen;
using Radzen.Blazor;

namespace Portal.Web.Features.Accounts.Administration;

/// <summary>
/// The account list of a street administrator. Every action goes through <see cref="AccountAdministration"/>, which
/// checks the caller again; this class only opens dialogs, asks for confirmation and reports the outcome.
/// </summary>
public partial class AccountsPage
{
    private const int PageSize = 20;

    private RadzenDataGrid<AccountRow>? _grid;
    // Null until the first load: the grid calls LoadData on its own only while it has no data.
    private IReadOnlyList<AccountRow>? _rows;
    private int _total;
    private bool _loading;
    private string? _search;

    private async Task LoadAsync(LoadDataArgs args)
    {
        _loading = true;
        try
        {
            var page = await Accounts.ListAsync(new AccountQuery(_search, args.Skip ?? 0, args.Top ?? PageSize));
            _rows = page.Rows;
            _total = page.Total;
        }
        finally
        {
            _loading = false;
        }
    }

    private static void MarkRow(RowRenderEventArgs<AccountRow> args)
    {
        args.Attributes.Add("data-testid", "account-row");
        if (args.Data is { } account) args.Attributes.Add("data-username", account.UserName);
    }

    private async Task SearchAsync()
    {
        if (_grid is not null) await _grid.FirstPage(true);
    }

    private async Task SearchOnEnterAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter") await SearchAsync();
    }

    private async Task ReloadAsync()
    {
        if (_grid is not null) await _grid.Reload();
    }

    private async Task CreateAsync()
    {
        var created = await Dialogs.OpenAsync<CreateAccountDialog>(T["Admin.Create"], new Dictionary<string, object?>(), DialogWidth);
        if (created is string userName)
        {
            Notifications.Notify(NotificationSeverity.Success, T["Admin.Created", userName]);
            _search = userName;
            await SearchAsync();
        }
    }

    private async Task GrantAsync(AccountRow account)
    {
        var granted = await Dialogs.OpenAsync<GrantRoleDialog>(T["Admin.GrantTo", account.UserName],
            new Dictionary<string, object?> { [nameof(GrantRoleDialog.Account)] = account }, DialogWidth);
        if (granted is true)
        {
            Notifications.Notify(NotificationSeverity.Success, T["Admin.Granted"]);
            await ReloadAsync();
        }
    }

    private async Task RevokeAsync(AccountRow account, AccountRoleRow role)
    {
        var label = RoleLabels.Describe(S, T, role.Role, role.ScopeName);
        if (!await ConfirmAsync(T["Admin.RevokeConfirm", account.UserName, label], T["Admin.RevokeTitle"], T["Admin.Revoke"])) return;
        await RunAsync(() => Accounts.RevokeAsync(role.AssignmentId), T["Admin.Revoked"]);
    }

    private async Task ResetPasswordAsync(AccountRow account)
    {
        var reset = await Dialogs.OpenAsync<ResetPasswordDialog>(T["Admin.ResetFor", account.UserName],
            new Dictionary<string, object?> { [nameof(ResetPasswordDialog.Account)] = account }, DialogWidth);
        if (reset is true) Notifications.Notify(NotificationSeverity.Success, T["Admin.PasswordWasReset", account.UserName]);
    }

    private async Task LinkPersonAsync(AccountRow account)
    {
        var linked = await Dialogs.OpenAsync<LinkPersonDialog>(T["Admin.LinkFor", account.UserName],
            new Dictionary<string, object?> { [nameof(LinkPersonDialog.Account)] = account }, DialogWidth);
        if (linked is true)
        {
            Notifications.Notify(NotificationSeverity.Success, T["Admin.Linked"]);
            await ReloadAsync();
        }
    }

    private async Task UnlockAsync(AccountRow account)
    {
        if (!await ConfirmAsync(T["Admin.UnlockConfirm", account.UserName], T["Admin.UnlockTitle"], T["Admin.Unlock"])) return;
        await RunAsync(() => Accounts.UnlockAsync(account.Id), T["Admin.Unlocked", account.UserName]);
    }

    private Task EnableAsync(AccountRow account) =>
        RunAsync(() => Accounts.EnableAsync(account.Id), T["Admin.WasEnabled", account.UserName]);

    private async Task DisableAsync(AccountRow account)
    {
        if (!await ConfirmAsync(T["Admin.DisableConfirm", account.UserName], T["Admin.DisableTitle"], T["Admin.Disable"])) return;
        await RunAsync(() => Accounts.DisableAsync(account.Id), T["Admin.WasDisabled", account.UserName]);
    }

    private async Task<bool> ConfirmAsync(string message, string title, string ok) =>
        await Dialogs.Confirm(message, title, new ConfirmOptions { OkButtonText = ok, CancelButtonText = S["Common.Cancel"] }) == true;

    /// <summary>Runs one action and reports it; a refusal by the service (rules, another street) is shown, never swallowed.</summary>
    private async Task RunAsync(Func<Task<IdentityResult>> action, string success)
    {
        try
        {
            var result = await action();
            if (result.Succeeded)
                Notifications.Notify(NotificationSeverity.Success, success);
            else
                Notifications.Notify(NotificationSeverity.Error, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        catch (UnauthorizedAccessException)
        {
            Notifications.Notify(NotificationSeverity.Error, T["Admin.NotAllowed"]);
        }
        await ReloadAsync();
    }

    private static DialogOptions DialogWidth => new() { Width = "min(32rem, 95vw)", CloseDialogOnEsc = true };
}
