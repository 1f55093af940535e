using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Deliberation;
using StepActor = Portal.Domain.WorkItems.StepActor;
using Portal.Domain.WorkItems;
using Portal.Web.Data;
using Portal.Web.Features.Localization;

namespace Portal.Web.Features.Lists.WorkItems;

/// <summary>
/// A deliberated decision enters the one work-item lifecycle here (issue 13 item 10): when its public notice closes
/// (<see cref="PublicNoticeClosed"/>: window passed, every objection answered), its implementation task is created,
/// triaged and dispatched, and the notice points at it — in the close's transaction (decision 0023 "Handlers"), so a
/// notice never closes without its task and a refused close creates none. The session's implementation-record step
/// then takes that task, once closed, as its evidence.
/// <para>
/// Who and when, from what the session knows: the owner unit is the one the matter's need was dispatched to, when the
/// matter came from the needs list and that need has one (the unit already carrying the residents' request carries
/// out what they decided); otherwise none, which leaves the task with the community's staff, who see and dispatch every
/// task of their community. The due day is the end of the local day after the time limit of the session's next step
/// that needs the implementation record (the procedure's own deadline for carrying it out), counted from the close;
/// without such a limit, <see cref="DefaultDays"/> days. One task per notice: a notice publishes one decision, and its
/// parts are planned as the task's progress, not as separate items nobody decided.
/// </para>
/// Singleton.
/// </summary>
public sealed class DeliberationTasksFromNotices : IDomainEventHandler
{
    /// <summary>How long implementation takes when the procedure sets no limit: a month, the usual promise to residents.</summary>
    public const int DefaultDays = 30;

    public async Task HandleAsync(PortalDbContext db, Entity source, IDomainEvent domainEvent, CancellationToken ct)
    {
        if (source is not PublicNotice notice || domainEvent is not PublicNoticeClosed closed) return;
        var session = await db.DeliberationSessions.AsNoTracking().SingleAsync(s => s.Id == closed.SessionId, ct);
        var needOwner = await db.Matters.Where(m => m.Id == session.MatterId && m.WorkItemId != null)
            .Join(db.WorkItems, m => m.WorkItemId, w => (int?)w.Id, (m, w) => w.OwnerUnitId).SingleOrDefaultAsync(ct);
        var task = WorkItem.NewDeliberationTask(session.Title, notice.Text, session.CommunityId, needOwner,
            DueAtUtc(session, closed.AtUtc), new StepActor(closed.ByUserId, closed.ByName), closed.AtUtc);
        db.WorkItems.Add(task);
        // The task's key is made by the save that stores it: the link holds the key EF keeps for it until then.
        db.Entry(notice).Property(n => n.TaskWorkItemId).CurrentValue = db.Entry(task).Property(w => w.Id).CurrentValue;
    }

    /// <summary>The end of the local day the implementation is due (see the class summary).</summary>
    public static DateTime DueAtUtc(DeliberationSession session, DateTime closedAtUtc)
    {
        var from = session.CurrentStepIndex ?? 0;
        var days = session.Steps.Skip(from).FirstOrDefault(s => s.RequiredEvidence.Contains(EvidenceKind.ImplementationRecord))?.TimeLimitDays ?? DefaultDays;
        return PortalTime.StartOfDayUtc(DateOnly.FromDateTime(PortalTime.ToLocal(closedAtUtc)).AddDays(days + 1));
    }
}
