using Portal.Domain.WorkItems;
using Portal.Web.Data;
using Portal.Web.Features.Localization;

namespace Portal.Web.Features.Lists.WorkItems;

/// <summary>What a council resolution hands the work-item lifecycle: the task's title, text, owner, co-owners and deadline.</summary>
public sealed record CouncilTaskSpec(
    int CommunityId, string Title, string DescriptionMarkdown, int OwnerUnitId, IReadOnlyList<int> CoOwnerUnitIds, DateOnly DueDate);

/// <summary>
/// Council tasks (联席会议任务) enter the one lifecycle here, beside the other kinds' own steps. A task is decided by the
/// meeting, so it skips the raise/triage questions the way a project does: it is raised, triaged and dispatched to its
/// owner unit by the state machine in one go, with a history step for each, and then follows the shared path (accept,
/// progress, report back, close, chase) through <see cref="ActAsync"/> like any other item.
/// </summary>
public sealed partial class WorkItemService
{
    /// <summary>
    /// Adds the tasks to <paramref name="db"/> without saving, so the caller saves them in the same transaction as the
    /// approval that decided them (all or nothing). The actor is the approver the council code has already checked (passed
    /// in rather than looked up again), <paramref name="nowUtc"/> the moment of approval. Call
    /// <see cref="AnnounceCouncilTasksAsync"/> after the save. Static, so the demo data's approvals make their tasks the
    /// same way (at the moment they were approved, without announcing them).
    /// </summary>
    internal static IReadOnlyList<WorkItem> AddCouncilTasks(PortalDbContext db, IReadOnlyList<CouncilTaskSpec> specs, string? actorUserId,
        string actorName, DateTime nowUtc)
    {
        var now = nowUtc;
        actorName = Truncate(actorName, WorkItem.NameMaxLength);
        var items = new List<WorkItem>(specs.Count);
        foreach (var spec in specs)
        {
            var item = new WorkItem
            {
                Kind = WorkItemKind.CouncilTask,
                Title = Truncate(spec.Title.Trim(), WorkItem.TitleMaxLength),
                DescriptionMarkdown = Truncate(spec.DescriptionMarkdown, WorkItem.DescriptionMaxLength),
                Category = WorkItemCategories.Other,
                Urgency = Urgency.Complex,
                CommunityId = spec.CommunityId,
                Channel = RaiseChannel.Council,
                RaisedByUserId = actorUserId,
                RaisedByName = actorName,
                RaisedAtUtc = now,
                IsShared = true,
                OwnerUnitId = spec.OwnerUnitId,
                // The meeting set the deadline (end of the local due day), not the community's hotline rules.
                DueAtUtc = PortalTime.StartOfDayUtc(spec.DueDate.AddDays(1)),
                CoOwners = spec.CoOwnerUnitIds.Where(u => u != spec.OwnerUnitId).Distinct().Select(u => new WorkItemCoOwner { UnitId = u }).ToList(),
            };
            foreach (var action in (WorkItemAction[])[WorkItemAction.Triage, WorkItemAction.Dispatch])
            {
                var from = item.Status;
                var result = item.Apply(action, now);
                // A new item always allows these steps; a refusal would mean the state machine changed under us.
                if (!result.Allowed) throw new InvalidOperationException($"Council task refused by the workflow: {result.ErrorCode}");
                item.Events.Add(new WorkItemEvent
                {
                    Action = action, FromStatus = from, ToStatus = item.Status, ActorUserId = actorUserId, ActorName = actorName, AtUtc = now,
                });
            }
            db.WorkItems.Add(item);
            items.Add(item);
        }
        return items;
    }

    /// <summary>After the save: the live list event and the dispatch notification to each owner unit, as for any dispatch.</summary>
    internal async Task AnnounceCouncilTasksAsync(IReadOnlyList<WorkItem> items, string? actorUserId, CancellationToken ct)
    {
        foreach (var item in items)
        {
            await AnnounceAsync(item, ct);
            await notifier.NotifyAsync(item, WorkItemAction.Dispatch, null, null, actorUserId, ct);
        }
    }
}
