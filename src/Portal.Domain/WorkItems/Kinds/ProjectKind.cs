namespace Portal.Domain.WorkItems.Kinds;

/// <summary>A co-building project with milestones, resources and a budget; council topics may link to it.</summary>
public sealed class ProjectKind : WorkItemKindRules
{
    public override WorkItemKind Kind => WorkItemKind.Project;
    public override bool LinkableToCouncilTopic => true;
}
