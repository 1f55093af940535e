namespace Portal.Domain.WorkItems.Kinds;

/// <summary>A shared need (共性) on the community's list; triaged as individual it becomes a micro-wish.</summary>
public sealed class NeedKind : WorkItemKindRules
{
    public override WorkItemKind Kind => WorkItemKind.Need;
    public override bool LinkableToCouncilTopic => true;
    public override bool CanBecomeProject => true;
    public override WorkItemKind KindAfterTriage(bool isShared) => isShared ? WorkItemKind.Need : WorkItemKind.MicroWish;
}

/// <summary>An individual need (个性, 微心愿); triaged as shared it becomes a need.</summary>
public sealed class MicroWishKind : WorkItemKindRules
{
    public override WorkItemKind Kind => WorkItemKind.MicroWish;
    public override bool CanBecomeProject => true;
    public override WorkItemKind KindAfterTriage(bool isShared) => isShared ? WorkItemKind.Need : WorkItemKind.MicroWish;
}
