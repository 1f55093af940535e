using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Lists;
using Portal.Domain.Text;
using Portal.Domain.WorkItems;
using Portal.Domain.WorkItems.Kinds;
using Portal.Web.Components.Shared;
using Portal.Web.Data;
using Portal.Web.Data.Live;
using Portal.Web.Features.Localization;
using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Commands;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Lists.Projects;

/// <summary>
/// The projects list (项目清单): a need plus chosen resources become a project in one transaction (capacity is taken
/// from each resource, never beyond what is left); milestones carry weights and the project's progress rolls up from
/// them on every change; a unit liaison or Party member claims an open project. Status changes go through the project's
/// own steps (<see cref="WorkItem.ClaimProject"/>, <see cref="WorkItem.Accept"/>), which write the history. Scoped.
/// </summary>
public sealed class ProjectService(IDbContextFactory<PortalDbContext> dbFactory, CallerScope callers, UnitOfWork work, TimeProvider clock)
{
    private static readonly CommandTexts Texts = new(Text("Error.NotFound"), Text("Error.Conflict"), Text("Error.MilestoneGone"));

    private static Message Text(string key, params object[] args) => Message.Of<ProjectsText>(key, args);

    /// <summary>The caller with their rights over units (the lead, co-owning and liaison units of projects).</summary>
    private async Task<ResourceAccess> CallerAsync(PortalDbContext db, CancellationToken ct) =>
        await db.ResourceAccessAsync(await callers.GetAsync(ct), ct);

    /// <summary>Units that may lead or co-own a project of the community: the units of its street.</summary>
    public async Task<IReadOnlyList<Option>> UnitOptionsAsync(int communityId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await CallerAsync(db, ct);
        if (!caller.Caller.Policy.CanManageCommunity(communityId)) return [];
        var street = await db.Communities.AsNoTracking().Where(c => c.Id == communityId).Select(c => c.StreetId).FirstOrDefaultAsync(ct);
        return caller.Units.Values.Where(u => u.StreetId == street).OrderBy(u => u.CommunityId == communityId ? 0 : 1).ThenBy(u => u.Name)
            .Select(u => new Option(u.Id, u.Name)).ToList();
    }

    public async Task<PagedResult<ProjectRow>> ListAsync(ProjectQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await CallerAsync(db, ct);
        if (!caller.Caller.IsSignedIn) return new PagedResult<ProjectRow>([], 0);
        var rows = Readable(db, caller);
        if (query.Status is { } status) rows = rows.Where(p => p.Status == status);
        if (query.Term is { } term)
        {
            var lowered = term.ToLower();
            rows = rows.Where(p => p.Title.ToLower().Contains(lowered));
        }
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(p => p.RaisedAtUtc).ThenByDescending(p => p.Id).Skip(query.SafeSkip).Take(query.SafeTake)
            .Select(p => new { p.Id, p.Title, p.Category, p.Status, p.OwnerUnitId, ProgressPercent = (int?)p.Project!.ProgressPercent ?? 0, p.Project.BudgetYuan, p.DueAtUtc })
            .ToListAsync(ct);
        var units = caller.Units;
        var now = clock.GetUtcNow().UtcDateTime;
        return new PagedResult<ProjectRow>(page.Select(p => new ProjectRow(p.Id, p.Title, p.Category, p.Status,
            p.OwnerUnitId is { } u && units.TryGetValue(u, out var unit) ? unit.Name : null, p.ProgressPercent, p.BudgetYuan, p.DueAtUtc,
            WorkItemMetrics.IsOverdue(p.Status, p.DueAtUtc, now))).ToList(), total);
    }

    /// <summary>The project with its units, needs, resources and milestones; null when absent or not visible to the user.</summary>
    public async Task<ProjectDetail?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await CallerAsync(db, ct);
        if (!caller.Caller.IsSignedIn) return null;
        var project = await Readable(db, caller).Include(p => p.CoOwners).Include(p => p.Milestones).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null) return null;
        var units = caller.Units;
        Option? UnitOption(int unitId) => units.TryGetValue(unitId, out var u) ? new Option(u.Id, u.Name) : null;
        var needs = await db.WorkItems.AsNoTracking().Where(w => w.ProjectId == id).OrderBy(w => w.Id)
            .Select(w => new ProjectNeedRow(w.Id, w.Title, w.Status)).ToListAsync(ct);
        var resources = await (from pr in db.ProjectResources.AsNoTracking()
                               join r in db.Resources.AsNoTracking() on pr.ResourceId equals r.Id
                               where pr.ProjectId == id
                               orderby r.Title
                               select new { r.Id, r.Title, r.UnitId, pr.Quantity, r.CapacityUnit }).ToListAsync(ct);
        return new ProjectDetail(project.Id, project.Version, project.Title, SafeMarkdown.ToHtml(project.DescriptionMarkdown), project.Category,
            project.CommunityId, project.Status, project.OwnerUnitId is { } lead ? UnitOption(lead) : null,
            project.CoOwners.Select(c => UnitOption(c.UnitId)).OfType<Option>().ToList(), project.Project?.BudgetYuan, project.DueAtUtc,
            WorkItemMetrics.IsOverdue(project.Status, project.DueAtUtc, clock.GetUtcNow().UtcDateTime), project.Project?.ProgressPercent ?? 0,
            needs, resources.Select(r => new ProjectResourceRow(r.Id, r.Title, UnitOption(r.UnitId)?.Name ?? "", r.Quantity, r.CapacityUnit)).ToList(),
            project.Milestones.OrderBy(m => m.SortOrder).ThenBy(m => m.Id)
                .Select(m => new MilestoneRow(m.Id, m.Version, m.Title, m.Weight, m.PercentDone, m.DueDate, m.SortOrder)).ToList(),
            CanEditMilestones(caller, project), ClaimAction(caller, project) is not null);
    }

    /// <summary>
    /// Turns a need plus chosen resources into a project, all or nothing: the project with its lead and co-units,
    /// the need linked to it, and each resource's committed capacity raised by the quantity taken. Refused — with
    /// nothing saved — when any quantity exceeds what is left of a resource, or when someone changed the need or a
    /// resource meanwhile. The result's id is the new project's.
    /// </summary>
    public async Task<Result<ProjectEvent>> CreateFromNeedAsync(ProjectCreateForm form, CancellationToken ct = default)
    {
        ResourceAccess access;
        await using (var db = await dbFactory.CreateDbContextAsync(ct)) access = await CallerAsync(db, ct);
        HashSet<int> streetUnits = [];
        var picks = form.Resources.Where(p => p.Quantity != 0 || p.ResourceId != 0).ToList();
        var pickedIds = picks.Select(p => p.ResourceId).ToList();
        Dictionary<int, Resource> resources = [];
        WorkItem? project = null;

        var result = await work.ChangeAsync<WorkItem, ProjectEvent>(
            async (db, ct) =>
            {
                resources = await db.Resources.Where(r => pickedIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
                var need = await db.WorkItems.FirstOrDefaultAsync(w => w.Id == form.NeedId && WorkItemKinds.BecomingProjects.Contains(w.Kind), ct);
                if (need is not null)
                {
                    var street = await db.Communities.Where(c => c.Id == need.CommunityId).Select(c => c.StreetId).FirstAsync(ct);
                    streetUnits = access.OfStreet(street).Select(u => u.Id).ToHashSet();
                }
                return need;
            },
            // The need as the caller saw it when matching: a change since is a conflict rather than lost.
            form.NeedVersion,
            allow: (caller, item) => !caller.IsSignedIn || !caller.Policy.CanViewCommunity(item.CommunityId) ? Result.NotFound(Text("Error.NotFound"))
                : !caller.Policy.CanManageCommunity(item.CommunityId) ? Result.NotAllowed(Text("Error.Forbidden"))
                : item.ProjectId is not null ? Result.Invalid(Text("Error.NeedHasProject"))
                : !WorkItemWorkflow.IsOpen(item.Status) ? Result.Invalid(Text("Error.NeedNotOpen"))
                : null,
            run: (caller, item, db) =>
            {
                // Optional: the need's title unless one is given (invisible characters only are none).
                var title = UserText.SingleLineOrNull(form.Title) ?? item.Title;
                var problems = new FieldProblems<ProjectsText>();
                if (title.Length > WorkItem.TitleMaxLength) problems.Add(ProjectFields.Title, "Validation.TitleTooLong", WorkItem.TitleMaxLength);
                if (form.LeadUnitId is { } leadId && !streetUnits.Contains(leadId)) problems.Add(ProjectFields.LeadUnit, "Validation.UnitUnknown");
                var coUnits = form.CoUnitIds.Distinct().Where(u => u != form.LeadUnitId).ToList();
                if (coUnits.Any(u => !streetUnits.Contains(u))) problems.Add(ProjectFields.CoUnits, "Validation.UnitUnknown");
                var today = DateOnly.FromDateTime(PortalTime.ToLocal(clock.GetUtcNow().UtcDateTime));
                if (form.DueDate is null) problems.Add(ProjectFields.DueDate, "Validation.DueDateRequired");
                else if (form.DueDate <= today) problems.Add(ProjectFields.DueDate, "Validation.DueDateInPast");
                if (form.BudgetYuan is < 0) problems.Add(ProjectFields.Budget, "Validation.BudgetNegative");
                if (picks.GroupBy(p => p.ResourceId).Any(g => g.Count() > 1)) problems.Add(ProjectFields.Resources, "Validation.ResourceTwice");
                // The resource's own rule takes the capacity (a refusal changes nothing); nothing is saved unless every
                // pick and field passes. Resources carry concurrency tokens: a parallel commit of the same capacity fails
                // the save, not silently.
                foreach (var pick in picks)
                {
                    if (!resources.TryGetValue(pick.ResourceId, out var resource) || !resource.IsActive || !streetUnits.Contains(resource.UnitId))
                        problems.Add(ProjectFields.Resources, "Validation.ResourceUnknown");
                    else if (resource.Commit(pick.Quantity, access.CommunityOf(resource.UnitId))) continue;
                    else if (pick.Quantity <= 0)
                        problems.Add(ProjectFields.Resources, "Validation.QuantityPositive", resource.Title);
                    else
                        problems.Add(ProjectFields.Resources, "Validation.OverCommitted", resource.Title, resource.RemainingCapacity, resource.CapacityUnit);
                }
                if (problems.Refusal is { } refused) return refused;

                // A project is decided by the secretary, so it starts triaged (open for claiming) or dispatched to its lead
                // unit; its history steps and their events are the factory's.
                project = WorkItem.NewProject(title, item.Category, item.CommunityId, item.GridId, item.IsPublic, form.BudgetYuan,
                    PortalTime.StartOfDayUtc(form.DueDate!.Value.AddDays(1)), form.LeadUnitId, coUnits, new StepActor(caller.UserId, caller.Name),
                    clock.GetUtcNow().UtcDateTime);
                db.WorkItems.Add(project);
                return null;
            },
            Current,
            Texts with { Conflict = Text("Error.CreateConflict"), Deleted = null },
            within: (_, item, db, _) =>
            {
                // The project has its key now: link the need and record what it takes, in the same transaction.
                item.TakeUpInto(project!.Id);
                foreach (var pick in picks) db.ProjectResources.Add(new ProjectResource { ProjectId = project.Id, ResourceId = pick.ResourceId, Quantity = pick.Quantity });
                db.Publish(Announcement(project, ProjectEvents.Created));
                return Task.CompletedTask;
            },
            ct: ct);
        return result.Succeeded ? Result<ProjectEvent>.Ok(project!.Id, project.Version) : result;
    }

    /// <summary>
    /// 认领: the liaison of a unit (for the unit) or a Party member of the community (for themselves) takes an open project;
    /// the liaison of the lead unit a project was dispatched to accepts it the same way.
    /// </summary>
    public async Task<Result<ProjectEvent>> ClaimAsync(int projectId, Guid version, CancellationToken ct = default)
    {
        ResourceAccess access;
        await using (var db = await dbFactory.CreateDbContextAsync(ct)) access = await CallerAsync(db, ct);
        return await work.ChangeAsync<WorkItem, ProjectEvent>(
            Find(projectId), version,
            allow: (caller, project) => caller.IsSignedIn && caller.Policy.CanViewCommunity(project.CommunityId) ? null : Result.NotFound(Text("Error.NotFound")),
            run: (caller, project, db) =>
            {
                if (ClaimAction(access, project) is not { } claim)
                    return Result.Invalid(WorkItemWorkflow.Apply(project.Status, WorkItemAction.Claim).Allowed || project.Status == WorkItemStatus.Dispatched
                        ? Text("Error.CannotClaim")
                        : Message.Of<WorkItemWords>(WorkItemWorkflow.NotAllowedInStatus));
                // The project's own claim (no secretary notice, its decided due date kept), or the lead unit's acceptance.
                var actor = new StepActor(caller.UserId, caller.Name);
                var now = clock.GetUtcNow().UtcDateTime;
                var refused = claim.Action == WorkItemAction.Claim
                    ? project.ClaimProject(actor, now, claim.UnitId, claim.UnitId is null ? caller.PersonId : null)
                    : project.Accept(actor, now);
                if (refused is not null)
                    return Result.Invalid(refused == WorkItemRefusals.Forbidden ? Text("Error.CannotClaim") : Message.Of<WorkItemWords>(refused));
                db.Publish(Announcement(project, ProjectEvents.Changed));
                return null;
            },
            Current, Texts, ct: ct);
    }

    public Task<Result<MilestoneRow>> SaveMilestoneAsync(int projectId, MilestoneForm form, CancellationToken ct = default) =>
        ChangeMilestonesAsync(projectId, form, remove: false, ct);

    public Task<Result<MilestoneRow>> RemoveMilestoneAsync(int projectId, int milestoneId, Guid version, CancellationToken ct = default) =>
        ChangeMilestonesAsync(projectId, new MilestoneForm { Id = milestoneId, Version = version }, remove: true, ct);

    /// <summary>
    /// Adds, changes or removes a milestone and, in the same transaction, rolls the project's progress up again and
    /// tells the project's lists.
    /// </summary>
    private async Task<Result<MilestoneRow>> ChangeMilestonesAsync(int projectId, MilestoneForm form, bool remove, CancellationToken ct)
    {
        ResourceAccess access;
        WorkItem? project;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            access = await CallerAsync(db, ct);
            project = await db.WorkItems.AsNoTracking().FirstOrDefaultAsync(w => w.Id == projectId && w.Kind == WorkItemKind.Project, ct);
        }
        if (!access.Caller.IsSignedIn || project is null || !access.Caller.Policy.CanViewCommunity(project.CommunityId))
            return Result<MilestoneRow>.NotFound(Text("Error.NotFound"));
        if (!CanEditMilestones(access, project)) return Result<MilestoneRow>.NotAllowed(Text("Error.Forbidden"));
        var title = UserText.SingleLine(form.Title);
        var refused = remove ? null : ValidateMilestone(form, title);

        if (form.IsNew)
            return await work.AddAsync<Milestone, MilestoneRow>(
                allow: _ => null,
                create: _ => refused is not null
                    ? Result<Milestone>.From(refused)
                    : Result<Milestone>.Ok(new Milestone { WorkItemId = projectId, Title = title, Weight = form.Weight, PercentDone = form.PercentDone, DueDate = form.DueDate }),
                within: (_, milestone, db, ct) => RollUpAsync(db, projectId, added: milestone, ct),
                conflict: Texts.Conflict,
                ct: ct);

        return await work.ChangeAsync<Milestone, MilestoneRow>(
            (db, ct) => db.Milestones.FirstOrDefaultAsync(m => m.Id == form.Id && m.WorkItemId == projectId, ct), form.Version,
            allow: (_, _) => null,
            run: (_, milestone, db) =>
            {
                if (remove)
                {
                    db.Milestones.Remove(milestone);
                    return null;
                }
                if (refused is not null) return refused;
                milestone.Title = title;
                milestone.Weight = form.Weight;
                milestone.PercentDone = form.PercentDone;
                milestone.DueDate = form.DueDate;
                return null;
            },
            ToRow, Texts,
            missing: _ => Result.Conflict(Text("Error.MilestoneGone")),
            within: (_, _, db, ct) => RollUpAsync(db, projectId, added: null, ct),
            ct: ct);
    }

    /// <summary>
    /// After a milestone change is saved (in its transaction): places a new milestone last, rolls the project's progress
    /// up from its milestones, and queues the project's live event.
    /// </summary>
    private static async Task RollUpAsync(PortalDbContext db, int projectId, Milestone? added, CancellationToken ct)
    {
        var project = await db.WorkItems.Include(w => w.Milestones).FirstAsync(w => w.Id == projectId, ct);
        if (added is not null)
            added.SortOrder = project.Milestones.Where(m => m.Id != added.Id).Select(m => m.SortOrder).DefaultIfEmpty(0).Max() + 1;
        (project.Project ??= new ProjectDetails()).ProgressPercent = ProgressRollUp.Percent(project.Milestones.Select(m => new MilestoneProgress(m.Weight, m.PercentDone)));
        db.Publish(Announcement(project, ProjectEvents.Changed));
    }

    private static Func<PortalDbContext, CancellationToken, Task<WorkItem?>> Find(int projectId) =>
        (db, ct) => db.WorkItems.FirstOrDefaultAsync(w => w.Id == projectId && w.Kind == WorkItemKind.Project, ct);

    /// <summary>What is saved now, after a conflict: the project's (or need's) status and progress.</summary>
    private static ProjectEvent Current(WorkItem item) => new(item.Id, item.Status, item.Project?.ProgressPercent ?? 0);

    private static MilestoneRow ToRow(Milestone m) => new(m.Id, m.Version, m.Title, m.Weight, m.PercentDone, m.DueDate, m.SortOrder);

    /// <summary>
    /// The project's live event on its community's lists channel, stored with the change. (Queued on the context rather
    /// than raised by the work item: the work item's own step events are the work-item slice's to map; S2A.)
    /// </summary>
    private static LiveEventDraft Announcement(WorkItem project, string type) =>
        LiveEventDraft.Of(ListsChannels.For(project.CommunityId), type, new ProjectEvent(project.Id, project.Status, project.Project?.ProgressPercent ?? 0));

    /// <summary>Checks the form with its title as it will be stored: its refusal, or null when it passes.</summary>
    private static Result? ValidateMilestone(MilestoneForm form, string title)
    {
        var problems = new FieldProblems<ProjectsText>();
        if (title.Length == 0) problems.Add(ProjectFields.Title, "Validation.MilestoneTitleRequired");
        else if (title.Length > Milestone.TitleMaxLength) problems.Add(ProjectFields.Title, "Validation.TitleTooLong", Milestone.TitleMaxLength);
        if (form.Weight < 0) problems.Add(ProjectFields.Weight, "Validation.WeightNegative");
        if (form.PercentDone is < 0 or > 100) problems.Add(ProjectFields.PercentDone, "Validation.PercentRange");
        return problems.Refusal;
    }

    /// <summary>Managers of the community and the lead unit's liaison keep the milestones; closed projects are settled.</summary>
    private static bool CanEditMilestones(ResourceAccess caller, WorkItem project) =>
        project.Status is not (WorkItemStatus.Closed or WorkItemStatus.Rejected)
        && (caller.Caller.Policy.CanManageCommunity(project.CommunityId) || (project.OwnerUnitId is { } lead && caller.CanAct(lead)));

    private sealed record Claim(WorkItemAction Action, int? UnitId);

    /// <summary>What claiming means for this user and project, or null when they cannot.</summary>
    private static Claim? ClaimAction(ResourceAccess caller, WorkItem project)
    {
        if (project.Status == WorkItemStatus.Dispatched)
            return project.OwnerUnitId is { } lead && caller.Caller.LiaisonUnits.Contains(lead) ? new Claim(WorkItemAction.Accept, lead) : null;
        if (!WorkItemWorkflow.Apply(project.Status, WorkItemAction.Claim).Allowed) return null;
        var street = caller.Units.Values.Where(u => u.CommunityId == project.CommunityId).Select(u => u.StreetId).FirstOrDefault();
        var unit = caller.Caller.LiaisonUnits.Where(u => caller.Units.TryGetValue(u, out var place)
                                                   && (place.CommunityId == project.CommunityId || (place.CommunityId is null && place.StreetId == street)))
            .Cast<int?>().FirstOrDefault();
        if (unit is not null) return new Claim(WorkItemAction.Claim, unit);
        return caller.Caller.MemberCommunities.Contains(project.CommunityId) && caller.Caller.PersonId is not null ? new Claim(WorkItemAction.Claim, null) : null;
    }

    /// <summary>
    /// Projects the user may see: all of the communities they manage; those their unit leads or co-owns or they own
    /// themselves; open ones they could claim; and the public ones of their communities.
    /// </summary>
    private static IQueryable<WorkItem> Readable(PortalDbContext db, ResourceAccess caller)
    {
        var managed = caller.Caller.Policy.ManagedCommunities.ToList();
        var visible = caller.Caller.Policy.VisibleCommunities.ToList();
        var actable = caller.Actable.ToList();
        var personId = caller.Caller.PersonId;
        var memberOf = caller.Caller.MemberCommunities.ToList();
        var isLiaison = caller.Caller.LiaisonUnits.Any();
        return db.WorkItems.AsNoTracking().Where(p => p.Kind == WorkItemKind.Project && (
            managed.Contains(p.CommunityId)
            || (p.OwnerUnitId != null && actable.Contains(p.OwnerUnitId.Value))
            || p.CoOwners.Any(c => actable.Contains(c.UnitId))
            || (personId != null && p.OwnerPersonId == personId)
            || (visible.Contains(p.CommunityId) && (p.IsPublic
                || (p.Status == WorkItemStatus.Triaged && (isLiaison || memberOf.Contains(p.CommunityId)))))));
    }
}
