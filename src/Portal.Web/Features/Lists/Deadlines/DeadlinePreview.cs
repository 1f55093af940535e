using Portal.Domain.WorkItems;

namespace Portal.Web.Features.Lists.Deadlines;

/// <summary>One line of the editor's preview: when an item of this urgency dispatched now would be due and reminded.</summary>
public sealed record DeadlinePreviewRow(Urgency Urgency, DateTime DueAtUtc, DateTime RemindFromUtc);

public static class DeadlinePreview
{
    /// <summary>Example deadlines for every urgency under <paramref name="rules"/>; empty while the rules are invalid.</summary>
    public static IReadOnlyList<DeadlinePreviewRow> For(DeadlineRules rules, DateTime nowUtc)
    {
        if (rules.Validate().Count > 0) return [];
        var start = new DateTimeOffset(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc));
        return Enum.GetValues<Urgency>().Select(u =>
        {
            var due = rules.DueAt(start, u);
            var window = TimeSpan.FromTicks((long)((due - start).Ticks * rules.DueSoonShare));
            return new DeadlinePreviewRow(u, due.UtcDateTime, (due - window).UtcDateTime);
        }).ToList();
    }
}
