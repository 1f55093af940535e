using Portal.Domain.Common;
using Portal.Domain.WorkItems;
using Portal.Web.Data.Live;

namespace Portal.Web.Features.Lists.WorkItems;

/// <summary>
/// What the community's lists pages hear of a work item: every step (and its raising) as "workitem.changed" on
/// "lists/{community}", stored with the step in its transaction. The id is read from the source entity, since a new
/// item's event was raised before it had one.
/// </summary>
public sealed class WorkItemLiveEvents : ILiveEventMapper
{
    public LiveEventDraft? Map(Entity source, IDomainEvent domainEvent) =>
        domainEvent is WorkItemStepped stepped
            ? LiveEventDraft.Of(ListsChannels.For(stepped.CommunityId), WorkItemEvents.Changed, new WorkItemChanged(source.Id, stepped.Status, stepped.Kind))
            : null;
}
