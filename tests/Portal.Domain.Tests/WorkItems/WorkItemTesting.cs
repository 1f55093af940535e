using Portal.Domain.WorkItems;

namespace Portal.Domain.Tests;

/// <summary>Brings a test item into a status the way a real one gets there: through the state machine.</summary>
internal static class WorkItemTesting
{
    private static readonly DateTime At = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);

    public static void SetStatus(WorkItem item, WorkItemStatus status)
    {
        WorkItemAction[] path = status switch
        {
            WorkItemStatus.Raised => [],
            WorkItemStatus.Triaged => [WorkItemAction.Triage],
            WorkItemStatus.Dispatched => [WorkItemAction.Triage, WorkItemAction.Dispatch],
            WorkItemStatus.InProgress => [WorkItemAction.Triage, WorkItemAction.Dispatch, WorkItemAction.Accept],
            WorkItemStatus.Reported => [WorkItemAction.Triage, WorkItemAction.Dispatch, WorkItemAction.Accept, WorkItemAction.ReportBack],
            WorkItemStatus.Rated => [WorkItemAction.Triage, WorkItemAction.Dispatch, WorkItemAction.Accept, WorkItemAction.ReportBack, WorkItemAction.Rate],
            WorkItemStatus.Closed => [WorkItemAction.Triage, WorkItemAction.Dispatch, WorkItemAction.Accept, WorkItemAction.ReportBack, WorkItemAction.Close],
            WorkItemStatus.Rejected => [WorkItemAction.Reject],
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        foreach (var action in path)
        {
            var result = item.Apply(action, At, action == WorkItemAction.Rate ? Satisfaction.Satisfied : null);
            if (!result.Allowed) throw new InvalidOperationException($"{action} refused in {item.Status}");
        }
    }
}
