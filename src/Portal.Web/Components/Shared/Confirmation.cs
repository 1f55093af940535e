using MudBlazor;

namespace Portal.Web.Components.Shared;

/// <summary>
/// The one way to ask before anything destructive or hard to undo: a MudBlazor message box whose confirming button
/// names the action (删除, 撤销, 批准…) and whose other button cancels. Escape and the backdrop cancel too.
/// </summary>
public static class Confirmation
{
    /// <returns>True only when the person pressed the action's own button.</returns>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string message, string confirmText, string cancelText)
    {
        var answer = await dialogs.ShowMessageBoxAsync(title, message, yesText: confirmText, cancelText: cancelText,
            options: new DialogOptions { CloseOnEscapeKey = true, MaxWidth = MaxWidth.Small, FullWidth = true });
        return answer == true;
    }
}
