using Microsoft.Extensions.Localization;
using Portal.Domain.WorkItems;

namespace Portal.Web.Features.Lists;

/// <summary>
/// Action labels in the words of the item's kind (a commitment is 审核, 公示, 践诺, 评诺 and 归档); kinds without their own
/// words fall back to the generic labels, so one lookup serves every page. Status words are the kit's
/// (<see cref="Components.Shared.WorkItemWordsExtensions.StatusOf"/>).
/// </summary>
public static class ListsLabels
{
    public static string ActionOf(this IStringLocalizer<ListsText> labels, WorkItemKind kind, WorkItemAction action)
    {
        var text = labels[$"{kind}.Action.{action}"];
        return text.ResourceNotFound ? labels[$"Action.{action}"] : text;
    }
}
