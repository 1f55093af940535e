using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Access;
using Portal.Domain.Lists;
using Portal.Domain.Text;
using Portal.Domain.WorkItems;
using Portal.Domain.WorkItems.Kinds;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Components.Shared;
using Portal.Web.Features.Lists.Resources;
using ListsChannels = Portal.Web.Features.Lists.WorkItems.ListsChannels;
using Portal.Web.Features.Live;
using Portal.Web.Features.Localization;
using static Portal.Web.Features.Lists.Resources.ResourceService;

namespace Portal.Web.Features.Lists.Projects;

/// <summary>
/// The projects list (项目清单): a need plus chosen resources become a project in one transaction (capacity is taken
/// from each resource, never beyond what is left); milestones carry weights and the project's progress rolls up from
/// them on every change; a unit liaison or Party member claims an open project. Status changes go through
/// <see cref="WorkItem.Apply"/> and each one is written to the item's history. Scoped.
/// </summary>
public sealed class ProjectService(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    AccessPolicyProvider policies,
    LiveEventBus bus,
    TimeProvider clock,
    IStringLocalizer<ProjectsText> text,
    IStringLocalizer<ListsText> lists,
    ILogger<ProjectService> logger)
{
    private sealed record Caller(Scope Scope, string Name, int? PersonId)
    {
        public AccessPolicy Policy => Scope.Policy;

        /// <summary>Units the user is the liaison of (claims are made for these, not for every unit a secretary manages).</summary>
        public IEnumerable<int> LiaisonUnits => Policy.ScopesOf(PortalRole.UnitLiaison);

        public bool IsPartyMemberOf(int communityId) =>
            Policy.Roles.Any(r => r.Role == PortalRole.PartyMember && r.ScopeId == communityId);
    }

    private async Task<Caller> CallerAsync(PortalDbContext db, CancellationToken ct)
    {
        var principal = await currentUser.CallerAsync();
        var scope = await ScopeAsync(db, principal, policies, ct);
        if (scope.UserId is null) return new Caller(scope, "", null);
        var identity = await currentUser.IdentityAsync(ct);
        return new Caller(scope, identity.Name, identity.PersonId);
    }

    /// <summary>Units that may lead or co-own a project of the community: the units of its street.</summary>
    public async Task<IReadOnlyList<Option>> UnitOptionsAsync(int communityId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await CallerAsync(db, ct);
        if (!caller.Policy.CanManageCommunity(communityId)) return [];
        var street = await db.Communities.AsNoTracking().Where(c => c.Id == communityId).Select(c => c.StreetId).FirstOrDefaultAsync(ct);
        return caller.Scope.Units.Values.Where(u => u.StreetId == street).OrderBy(u => u.CommunityId == communityId ? 0 : 1).ThenBy(u => u.Name)
            .Select(u => new Option(u.Id, u.Name)).ToList();
    }

    public async Task<PagedResult<ProjectRow>> ListAsync(ProjectQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await CallerAsync(db, ct);
        if (caller.Scope.UserId is null) return new PagedResult<ProjectRow>([], 0);
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
        var units = caller.Scope.Units;
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
        if (caller.Scope.UserId is null) return null;
        var project = await Readable(db, caller).Include(p => p.CoOwners).Include(p => p.Milestones).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null) return null;
        var units = caller.Scope.Units;
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
    /// resource meanwhile.
    /// </summary>
    public async Task<ProjectResult> CreateFromNeedAsync(ProjectCreateForm form, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await CallerAsync(db, ct);
        var need = await db.WorkItems.FirstOrDefaultAsync(w => w.Id == form.NeedId && WorkItemKinds.BecomingProjects.Contains(w.Kind), ct);
        if (caller.Scope.UserId is null || need is null || !caller.Policy.CanViewCommunity(need.CommunityId)) return ProjectResult.NotFound(text["Error.NotFound"]);
        if (!caller.Policy.CanManageCommunity(need.CommunityId)) return ProjectResult.Invalid(text["Error.Forbidden"].Value);
        if (need.ProjectId is not null) return ProjectResult.Invalid(text["Error.NeedHasProject"].Value);
        if (!WorkItemWorkflow.IsOpen(need.Status)) return ProjectResult.Invalid(text["Error.NeedNotOpen"].Value);

        var street = await db.Communities.AsNoTracking().Where(c => c.Id == need.CommunityId).Select(c => c.StreetId).FirstAsync(ct);
        var streetUnits = caller.Scope.Units.Values.Where(u => u.StreetId == street).Select(u => u.Id).ToHashSet();
        var errors = new Dictionary<string, string>();
        // Optional: the need's title unless one is given (invisible characters only are none).
        var title = UserText.SingleLineOrNull(form.Title) ?? need.Title;
        if (title.Length > WorkItem.TitleMaxLength) errors[ProjectFields.Title] = text["Validation.TitleTooLong", WorkItem.TitleMaxLength];
        if (form.LeadUnitId is { } leadId && !streetUnits.Contains(leadId)) errors[ProjectFields.LeadUnit] = text["Validation.UnitUnknown"];
        var coUnits = form.CoUnitIds.Distinct().Where(u => u != form.LeadUnitId).ToList();
        if (coUnits.Any(u => !streetUnits.Contains(u))) errors[ProjectFields.CoUnits] = text["Validation.UnitUnknown"];
        var today = DateOnly.FromDateTime(PortalTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        if (form.DueDate is null) errors[ProjectFields.DueDate] = text["Validation.DueDateRequired"];
        else if (form.DueDate <= today) errors[ProjectFields.DueDate] = text["Validation.DueDateInPast"];
        if (form.BudgetYuan is < 0) errors[ProjectFields.Budget] = text["Validation.BudgetNegative"];

        var picks = form.Resources.Where(p => p.Quantity != 0 || p.ResourceId != 0).ToList();
        if (picks.GroupBy(p => p.ResourceId).Any(g => g.Count() > 1)) errors[ProjectFields.Resources] = text["Validation.ResourceTwice"];
        var pickedIds = picks.Select(p => p.ResourceId).ToList();
        var resources = await db.Resources.Where(r => pickedIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        foreach (var pick in picks)
        {
            if (!resources.TryGetValue(pick.ResourceId, out var resource) || !resource.IsActive || !streetUnits.Contains(resource.UnitId))
                errors.TryAdd(ProjectFields.Resources, text["Validation.ResourceUnknown"]);
            else if (pick.Quantity <= 0)
                errors.TryAdd(ProjectFields.Resources, text["Validation.QuantityPositive", resource.Title]);
            else if (pick.Quantity > resource.RemainingCapacity)
                errors.TryAdd(ProjectFields.Resources, text["Validation.OverCommitted", resource.Title, resource.RemainingCapacity, resource.CapacityUnit]);
        }
        if (errors.Count > 0) return ProjectResult.Invalid(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var project = new WorkItem
        {
            Kind = WorkItemKind.Project,
            Title = title,
            Category = need.Category,
            Urgency = Urgency.Complex,
            CommunityId = need.CommunityId,
            GridId = need.GridId,
            RaisedByUserId = caller.Scope.UserId,
            RaisedByName = Truncate(caller.Name, WorkItem.NameMaxLength),
            RaisedAtUtc = now,
            IsShared = true,
            IsPublic = need.IsPublic,
            Project = new ProjectDetails { BudgetYuan = form.BudgetYuan },
            DueAtUtc = PortalTime.StartOfDayUtc(form.DueDate!.Value.AddDays(1)),
            CoOwners = coUnits.Select(u => new WorkItemCoOwner { UnitId = u }).ToList(),
        };
        // A project is decided by the secretary, so it starts triaged: open for claiming, or dispatched to its lead unit.
        Transition(project, WorkItemAction.Triage, caller, now);
        if (form.LeadUnitId is { } lead)
        {
            project.OwnerUnitId = lead;
            Transition(project, WorkItemAction.Dispatch, caller, now);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.WorkItems.Add(project);
            await db.SaveChangesAsync(ct);
            need.ProjectId = project.Id;
            foreach (var pick in picks)
            {
                db.ProjectResources.Add(new ProjectResource { ProjectId = project.Id, ResourceId = pick.ResourceId, Quantity = pick.Quantity });
                resources[pick.ResourceId].CommittedCapacity += pick.Quantity;
            }
            // Need and resources carry concurrency tokens: a parallel commit of the same capacity fails here, not silently.
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(ct);
            return ProjectResult.Conflict(text["Error.CreateConflict"]);
        }

        await AnnounceAsync(project, ProjectEvents.Created, ct);
        foreach (var resource in resources.Values) await ResourceService.AnnounceAsync(bus, logger, caller.Scope.Units, resource, ct);
        return ProjectResult.Saved(project.Id);
    }

    /// <summary>
    /// 认领: the liaison of a unit (for the unit) or a Party member of the community (for themselves) takes an open project;
    /// the liaison of the lead unit a project was dispatched to accepts it the same way.
    /// </summary>
    public async Task<ProjectResult> ClaimAsync(int projectId, Guid version, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await CallerAsync(db, ct);
        var project = await db.WorkItems.FirstOrDefaultAsync(w => w.Id == projectId && w.Kind == WorkItemKind.Project, ct);
        if (caller.Scope.UserId is null || project is null || !caller.Policy.CanViewCommunity(project.CommunityId))
            return ProjectResult.NotFound(text["Error.NotFound"]);
        if (project.Version != version) return ProjectResult.Conflict(text["Error.Conflict"]);
        if (ClaimAction(caller, project) is not { } claim)
            return ProjectResult.Invalid(WorkItemWorkflow.Apply(project.Status, WorkItemAction.Claim).Allowed || project.Status == WorkItemStatus.Dispatched
                ? text["Error.CannotClaim"].Value
                : lists[WorkItemWorkflow.NotAllowedInStatus].Value);
        if (claim.Action == WorkItemAction.Claim)
        {
            project.OwnerUnitId = claim.UnitId;
            project.OwnerPersonId = claim.UnitId is null ? caller.PersonId : null;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var result = Transition(project, claim.Action, caller, now);
        if (!result.Allowed) return ProjectResult.Invalid(lists[result.ErrorCode!].Value);
        db.Entry(project).Property(nameof(WorkItem.Version)).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ProjectResult.Conflict(text["Error.Conflict"]);
        }
        await AnnounceAsync(project, ProjectEvents.Changed, ct);
        return ProjectResult.Saved(project.Id);
    }

    public Task<ProjectResult> SaveMilestoneAsync(int projectId, MilestoneForm form, CancellationToken ct = default) =>
        ChangeMilestonesAsync(projectId, form, remove: false, ct);

    public Task<ProjectResult> RemoveMilestoneAsync(int projectId, int milestoneId, Guid version, CancellationToken ct = default) =>
        ChangeMilestonesAsync(projectId, new MilestoneForm { Id = milestoneId, Version = version }, remove: true, ct);

    /// <summary>Adds, changes or removes a milestone and rolls the project's progress up again, in one save.</summary>
    private async Task<ProjectResult> ChangeMilestonesAsync(int projectId, MilestoneForm form, bool remove, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await CallerAsync(db, ct);
        var project = await db.WorkItems.Include(w => w.Milestones).FirstOrDefaultAsync(w => w.Id == projectId && w.Kind == WorkItemKind.Project, ct);
        if (caller.Scope.UserId is null || project is null || !caller.Policy.CanViewCommunity(project.CommunityId))
            return ProjectResult.NotFound(text["Error.NotFound"]);
        if (!CanEditMilestones(caller, project)) return ProjectResult.Invalid(text["Error.Forbidden"].Value);

        Milestone? milestone = null;
        if (!form.IsNew)
        {
            milestone = project.Milestones.FirstOrDefault(m => m.Id == form.Id);
            if (milestone is null) return ProjectResult.Conflict(text["Error.MilestoneGone"]);
            if (milestone.Version != form.Version) return ProjectResult.Conflict(text["Error.Conflict"]);
            db.Entry(milestone).Property(nameof(Milestone.Version)).OriginalValue = form.Version;
        }
        if (remove)
        {
            project.Milestones.Remove(milestone!);
            db.Milestones.Remove(milestone!);
        }
        else
        {
            var title = UserText.SingleLine(form.Title);
            var errors = ValidateMilestone(form, title);
            if (errors.Count > 0) return ProjectResult.Invalid(errors);
            if (milestone is null)
            {
                milestone = new Milestone { WorkItemId = project.Id, Title = "", SortOrder = project.Milestones.Count == 0 ? 1 : project.Milestones.Max(m => m.SortOrder) + 1 };
                project.Milestones.Add(milestone);
            }
            milestone.Title = title;
            milestone.Weight = form.Weight;
            milestone.PercentDone = form.PercentDone;
            milestone.DueDate = form.DueDate;
        }
        (project.Project ??= new ProjectDetails()).ProgressPercent = ProgressRollUp.Percent(project.Milestones.Select(m => new MilestoneProgress(m.Weight, m.PercentDone)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ProjectResult.Conflict(text["Error.Conflict"]);
        }
        await AnnounceAsync(project, ProjectEvents.Changed, ct);
        return ProjectResult.Saved(milestone?.Id ?? form.Id);
    }

    /// <summary>Checks the form with its title as it will be stored.</summary>
    private Dictionary<string, string> ValidateMilestone(MilestoneForm form, string title)
    {
        var errors = new Dictionary<string, string>();
        if (title.Length == 0) errors[ProjectFields.Title] = text["Validation.MilestoneTitleRequired"];
        else if (title.Length > Milestone.TitleMaxLength) errors[ProjectFields.Title] = text["Validation.TitleTooLong", Milestone.TitleMaxLength];
        if (form.Weight < 0) errors[ProjectFields.Weight] = text["Validation.WeightNegative"];
        if (form.PercentDone is < 0 or > 100) errors[ProjectFields.PercentDone] = text["Validation.PercentRange"];
        return errors;
    }

    /// <summary>Managers of the community and the lead unit's liaison keep the milestones; closed projects are settled.</summary>
    private static bool CanEditMilestones(Caller caller, WorkItem project) =>
        project.Status is not (WorkItemStatus.Closed or WorkItemStatus.Rejected)
        && (caller.Policy.CanManageCommunity(project.CommunityId) || (project.OwnerUnitId is { } lead && caller.Scope.CanAct(lead)));

    private sealed record Claim(WorkItemAction Action, int? UnitId);

    /// <summary>What claiming means for this user and project, or null when they cannot.</summary>
    private static Claim? ClaimAction(Caller caller, WorkItem project)
    {
        if (project.Status == WorkItemStatus.Dispatched)
            return project.OwnerUnitId is { } lead && caller.LiaisonUnits.Contains(lead) ? new Claim(WorkItemAction.Accept, lead) : null;
        if (!WorkItemWorkflow.Apply(project.Status, WorkItemAction.Claim).Allowed) return null;
        var street = caller.Scope.Units.Values.Where(u => u.CommunityId == project.CommunityId).Select(u => u.StreetId).FirstOrDefault();
        var unit = caller.LiaisonUnits.Where(u => caller.Scope.Units.TryGetValue(u, out var place)
                                                   && (place.CommunityId == project.CommunityId || (place.CommunityId is null && place.StreetId == street)))
            .Cast<int?>().FirstOrDefault();
        if (unit is not null) return new Claim(WorkItemAction.Claim, unit);
        return caller.IsPartyMemberOf(project.CommunityId) && caller.PersonId is not null ? new Claim(WorkItemAction.Claim, null) : null;
    }

    private static TransitionResult Transition(WorkItem item, WorkItemAction action, Caller caller, DateTime now)
    {
        var from = item.Status;
        var result = item.Apply(action, now);
        if (result.Allowed)
            item.Events.Add(new WorkItemEvent
            {
                Action = action, FromStatus = from, ToStatus = item.Status, ActorUserId = caller.Scope.UserId,
                ActorName = Truncate(caller.Name, WorkItem.NameMaxLength), AtUtc = now,
            });
        return result;
    }

    /// <summary>
    /// Projects the user may see: all of the communities they manage; those their unit leads or co-owns or they own
    /// themselves; open ones they could claim; and the public ones of their communities.
    /// </summary>
    private static IQueryable<WorkItem> Readable(PortalDbContext db, Caller caller)
    {
        var managed = caller.Policy.ManagedCommunities.ToList();
        var visible = caller.Policy.VisibleCommunities.ToList();
        var actable = caller.Scope.Actable.ToList();
        var personId = caller.PersonId;
        var memberOf = caller.Policy.ScopesOf(PortalRole.PartyMember).ToList();
        var isLiaison = caller.LiaisonUnits.Any();
        return db.WorkItems.AsNoTracking().Where(p => p.Kind == WorkItemKind.Project && (
            managed.Contains(p.CommunityId)
            || (p.OwnerUnitId != null && actable.Contains(p.OwnerUnitId.Value))
            || p.CoOwners.Any(c => actable.Contains(c.UnitId))
            || (personId != null && p.OwnerPersonId == personId)
            || (visible.Contains(p.CommunityId) && (p.IsPublic
                || (p.Status == WorkItemStatus.Triaged && (isLiaison || memberOf.Contains(p.CommunityId)))))));
    }

    private async Task AnnounceAsync(WorkItem project, string type, CancellationToken ct)
    {
        try
        {
            await bus.PublishAsync(ListsChannels.For(project.CommunityId), type, new ProjectEvent(project.Id, project.Status, project.Project?.ProgressPercent ?? 0), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Live event {Type} for project {Id} failed", type, project.Id);
        }
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
