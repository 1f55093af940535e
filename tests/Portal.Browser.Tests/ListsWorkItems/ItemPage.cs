using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests.ListsWorkItems;

/// <summary>What a user does on a work item's page (/lists/items/{id}): read its status, take an action.</summary>
public static class ItemPage
{
    public static ILocator Status(IPage page) => page.GetByTestId("item-status");

    /// <summary>Opens an action's form, fills its note, lets <paramref name="fill"/> set the rest and submits it.</summary>
    public static async Task ActAsync(IPage page, string action, string? note = null, Func<Task>? fill = null)
    {
        await page.GetByTestId($"action-{action}").ClickAsync();
        await Expect(page.GetByTestId("action-form")).ToHaveAttributeAsync("data-action", action);
        if (note is not null) await page.GetByTestId("action-note").FillAsync(note);
        if (fill is not null) await fill();
        await page.GetByTestId("action-submit").ClickAsync();
        await Expect(page.GetByTestId("action-error")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("action-form")).ToHaveCountAsync(0, new() { Timeout = 10_000 });
    }
}
