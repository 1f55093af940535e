using Microsoft.Extensions.Localization;
using Portal.Domain.WorkItems;

namespace Portal.Web.Components.Shared;

/// <summary>
/// Marker for the words of a work item's status and rating, shown wherever a work item is: on the lists and on the
/// councils' pages (a council task, a rated project), so they live in the kit.
/// </summary>
public sealed class WorkItemWords;

public static class WorkItemWordsExtensions
{
    /// <summary>
    /// The status in the words of the item's kind: a commitment is "公示中" where a need is "已派单", because secretaries and
    /// members speak of 审核, 公示, 践诺, 评诺 and 归档. Kinds without their own words fall back to the generic ones.
    /// </summary>
    public static string StatusOf(this IStringLocalizer<WorkItemWords> words, WorkItemKind kind, WorkItemStatus status)
    {
        var text = words[$"{kind}.Status.{status}"];
        return text.ResourceNotFound ? words[$"Status.{status}"] : text;
    }
}
