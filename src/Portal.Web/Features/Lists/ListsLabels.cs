using Microsoft.Extensions.Localization;
using Portal.Domain.WorkItems;

namespace Portal.Web.Features.Lists;

/// <summary>
/// Status and action labels in the words of the item's kind: a commitment is "公示中" where a need is "已派单", because
/// secretaries and members speak of 审核, 公示, 践诺, 评诺 and 归档. Kinds without their own words (and statuses a kind
/// does not rename) fall back to the generic labels, so one lookup serves every page.
/// </summary>
public static class ListsLabels
{
    public static string StatusOf(this IStringLocalizer<ListsText> labels, WorkItemKind kind, WorkItemStatus status) =>
        Lookup(labels, $"{kind}.Status.{status}", $"Status.{status}");

    public static string ActionOf(this IStringLocalizer<ListsText> labels, WorkItemKind kind, WorkItemAction action) =>
        Lookup(labels, $"{kind}.Action.{action}", $"Action.{action}");

    private static string Lookup(IStringLocalizer<ListsText> labels, string specific, string generic)
    {
        var text = labels[specific];
        return text.ResourceNotFound ? labels[generic] : text;
    }
}
