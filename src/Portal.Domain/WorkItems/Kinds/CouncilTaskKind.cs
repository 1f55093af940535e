namespace Portal.Domain.WorkItems.Kinds;

/// <summary>A task from an approved council resolution; it follows the plain lifecycle.</summary>
public sealed class CouncilTaskKind : WorkItemKindRules
{
    public override WorkItemKind Kind => WorkItemKind.CouncilTask;
}

/// <summary>A grid event reported on patrol; it follows the plain lifecycle.</summary>
public sealed class GridEventKind : WorkItemKindRules
{
    public override WorkItemKind Kind => WorkItemKind.GridEvent;
}
