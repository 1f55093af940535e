using Portal.Domain.Common;
using Portal.Domain.Councils;
using Portal.Domain.WorkItems;
using Portal.Web.Data;
using Portal.Web.Features.Localization;

namespace Portal.Web.Features.Lists.WorkItems;

/// <summary>
/// Council tasks (联席会议任务) enter the one lifecycle here: when minutes are approved (<see cref="MinutesApproved"/>),
/// each resolution becomes a task triaged and dispatched to its owner unit (<see cref="WorkItem.NewCouncilTask"/>), due at
/// the end of the local due day the meeting set, and the resolution points at it — in the approval's transaction
/// (decision 0023 "Handlers"), so minutes are never approved without their tasks. The tasks' own events bring the live
/// list event and the dispatch notices (<see cref="WorkItemLiveEvents"/>, <see cref="WorkItemNotifier"/>). Singleton.
/// </summary>
public sealed class CouncilTasksFromMinutes : IDomainEventHandler
{
    public async Task HandleAsync(PortalDbContext db, Entity source, IDomainEvent domainEvent, CancellationToken ct)
    {
        if (domainEvent is not MinutesApproved approved) return;
        foreach (var task in approved.Tasks)
        {
            var item = WorkItem.NewCouncilTask(task.Title, task.DescriptionMarkdown, task.CommunityId, task.OwnerUnitId, task.CoOwnerUnitIds,
                PortalTime.StartOfDayUtc(task.DueDate.AddDays(1)), approved.ApprovedBy, approved.AtUtc);
            db.WorkItems.Add(item);
            var resolution = await db.Resolutions.FindAsync([task.ResolutionId], ct)
                ?? throw new InvalidOperationException($"Resolution {task.ResolutionId} of approved minutes not found");
            // The task's key is made by the save that stores it: the link holds the key EF keeps for it until then, and
            // the save puts the real one in its place.
            db.Entry(resolution).Property(r => r.WorkItemId).CurrentValue = db.Entry(item).Property(w => w.Id).CurrentValue;
        }
    }
}
