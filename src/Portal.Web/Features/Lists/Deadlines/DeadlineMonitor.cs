using Portal.Web.Kit.Jobs;
using Portal.Web.Kit.Notifications;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.WorkItems;
using Portal.Web.Data;

namespace Portal.Web.Features.Lists.Deadlines;

/// <summary>
/// Watches the deadlines of open work items: reminds the owner once when an item becomes due soon and once when it
/// becomes overdue, and escalates it to the community's secretaries once it is overdue beyond the rule set's grace.
/// Every reminder and escalation is the item's own automatic step (its history row and its live event) saved in one
/// transaction with the notifications it sends (their live events too: the outbox). Singleton hosted service; tests call
/// <see cref="RunOnceAsync"/> directly with their own clock.
/// </summary>
public sealed class DeadlineMonitor(
    IDbContextFactory<PortalDbContext> dbFactory,
    TimeProvider clock,
    IConfiguration configuration,
    ILogger<DeadlineMonitor> logger) : PeriodicJob(clock, logger)
{
    /// <summary>The name written on automatic events; stored data, so in the portal's default language.</summary>
    public const string SystemActorName = "系统";

    private const int BatchSize = 200;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Lists:MonitorIntervalSeconds", 60)));

    /// <summary>One round over every open item with a deadline. Returns how many reminders and escalations were sent.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = Clock.GetUtcNow();
        var sent = 0;
        var lastId = 0;
        var rulesCache = new Dictionary<int, DeadlineRules>();
        while (true)
        {
            List<int> ids;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                ids = await OpenWithDeadline(db).Where(w => w.Id > lastId).OrderBy(w => w.Id).Select(w => w.Id).Take(BatchSize).ToListAsync(ct);
            }
            if (ids.Count == 0) break;
            foreach (var id in ids)
            {
                try
                {
                    if (await CheckItemAsync(id, now, rulesCache, ct)) sent++;
                }
                catch (DbUpdateConcurrencyException)
                {
                    // Someone acted on the item meanwhile; the next round sees its new state and decides again.
                    Logger.LogInformation("Work item {Id} changed during the deadline check; retrying next round", id);
                }
            }
            lastId = ids[^1];
        }
        return sent;
    }

    // Items waiting for the owner's work. Reported and rated ones wait for the raiser or the secretary, not the owner, so
    // chasing the owner about them would be wrong.
    private static readonly WorkItemStatus[] Watched = [WorkItemStatus.Raised, WorkItemStatus.Triaged, WorkItemStatus.Dispatched, WorkItemStatus.InProgress];

    private static IQueryable<WorkItem> OpenWithDeadline(PortalDbContext db) =>
        db.WorkItems.Where(w => w.DueAtUtc != null && Watched.Contains(w.Status));

    /// <summary>
    /// What the monitor does about <paramref name="item"/> at <paramref name="now"/>: nothing (null), a reminder to the owner
    /// (<see cref="DeadlineState.DueSoon"/> or <see cref="DeadlineState.Overdue"/>, once per state) or the escalation to the
    /// secretaries (<see cref="DeadlineState.Escalated"/>, once). The one decision, for the monitor's rounds and for the
    /// histories of the demo data, which must read as if the monitor had been running.
    /// </summary>
    public static DeadlineState? StepDue(WorkItem item, DeadlineRules rules, DateTimeOffset now)
    {
        if (item.DueAtUtc is not { } dueUtc || Array.IndexOf(Watched, item.Status) < 0) return null;
        var start = Utc(item.DispatchedAtUtc ?? item.RaisedAtUtc);
        var due = Utc(dueUtc);
        var state = rules.StateAt(now, start, due);
        if (state == DeadlineState.Escalated) return item.EscalatedAtUtc is null ? state : null;
        if (state is not (DeadlineState.DueSoon or DeadlineState.Overdue)) return null;
        // One reminder per state: the state at the last reminder tells whether this one was already announced.
        var remindedState = item.RemindedAtUtc is { } reminded ? rules.StateAt(Utc(reminded), start, due) : DeadlineState.OnTime;
        return remindedState >= state ? null : state;
    }

    /// <summary>
    /// Records the step <see cref="StepDue"/> decided on the item through its own method: the chase (a reminder) or the
    /// escalation, with the automatic history event and the time of the last reminder (an escalation counts as one, so a
    /// later overdue check does not remind again). False when the workflow refuses the step.
    /// </summary>
    public static bool RecordStep(WorkItem item, DeadlineState step, DateTime nowUtc)
    {
        var monitor = StepActor.Monitor(SystemActorName);
        var refused = step switch
        {
            DeadlineState.Escalated => item.Escalate(monitor, nowUtc, "系统提醒：逾期超过宽限期，已升级至社区书记督办。"),
            DeadlineState.Overdue => item.Remind(monitor, nowUtc, "系统提醒：已超过办理期限，请尽快办理。"),
            _ => item.Remind(monitor, nowUtc, "系统提醒：即将到达办理期限，请抓紧办理。"),
        };
        return refused is null;
    }

    private async Task<bool> CheckItemAsync(int id, DateTimeOffset now, Dictionary<int, DeadlineRules> rulesCache, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.WorkItems.FirstOrDefaultAsync(w => w.Id == id, ct);
        if (item is null) return false;
        var rules = await RulesAsync(db, item.DeadlineRuleSetId, rulesCache, ct);
        return StepDue(item, rules, now) switch
        {
            DeadlineState.Escalated => await EscalateAsync(db, item, now.UtcDateTime, ct),
            { } state => await RemindAsync(db, item, state, now.UtcDateTime, ct),
            null => false,
        };
    }

    private static async Task<bool> RemindAsync(PortalDbContext db, WorkItem item, DeadlineState state, DateTime nowUtc, CancellationToken ct)
    {
        if (!RecordStep(item, state, nowUtc)) return false;
        var key = state == DeadlineState.Overdue ? NotificationKeys.Overdue : NotificationKeys.DueSoon;
        NotificationDelivery.Add(db, await NotificationRecipients.OwnerAccountsAsync(db, item, ct), null, userId => NewNotification(userId, key, item, nowUtc));
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static async Task<bool> EscalateAsync(PortalDbContext db, WorkItem item, DateTime nowUtc, CancellationToken ct)
    {
        if (!RecordStep(item, DeadlineState.Escalated, nowUtc)) return false;
        NotificationDelivery.Add(db, await NotificationRecipients.SecretariesAsync(db, item.CommunityId, ct), null,
            userId => NewNotification(userId, NotificationKeys.Escalated, item, nowUtc));
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static Notification NewNotification(string userId, string key, WorkItem item, DateTime nowUtc) => new()
    {
        UserId = userId,
        MessageKey = key,
        MessageArgument = NotificationArguments.Join([item.Title]),
        WorkItemId = item.Id,
        CreatedAtUtc = nowUtc,
    };

    private static async Task<DeadlineRules> RulesAsync(PortalDbContext db, int? ruleSetId, Dictionary<int, DeadlineRules> cache, CancellationToken ct)
    {
        if (ruleSetId is not { } id) return DeadlineRules.Default;
        if (cache.TryGetValue(id, out var cached)) return cached;
        var set = await db.DeadlineRuleSets.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        var rules = set?.ToRules() ?? DeadlineRules.Default;
        cache[id] = rules;
        return rules;
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
