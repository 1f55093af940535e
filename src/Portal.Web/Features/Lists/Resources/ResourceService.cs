using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Text;
using Portal.Domain.WorkItems;
using Portal.Web.Components.Shared;
using Portal.Web.Data;
using Portal.Web.Data.Live;
using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Commands;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Lists.Resources;

/// <summary>
/// The resources list (资源清单). A unit's liaison publishes and edits the unit's resources; the community's secretary
/// manages those of units in the community and street administrators all of the street (AccessPolicy.CanActForUnit).
/// Everyone else who belongs to a community sees the active resources of its units and of street-level units, without
/// contact details. Capacity is never negative and never below what projects have already committed. Scoped.
/// </summary>
public sealed class ResourceService(IDbContextFactory<PortalDbContext> dbFactory, CallerScope callers, UnitOfWork work)
{
    private static readonly CommandTexts Texts = CommandTexts.Common(Text("Error.NotFound"));

    private static Message Text(string key, params object[] args) => Message.Of<ResourcesText>(key, args);

    private async Task<ResourceAccess> CallerAsync(PortalDbContext db, CancellationToken ct) =>
        await db.ResourceAccessAsync(await callers.GetAsync(ct), ct);

    /// <summary>Units whose resources the user may publish (for the editor's choice and the filter).</summary>
    public async Task<IReadOnlyList<Option>> EditableUnitsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await CallerAsync(db, ct);
        return scope.Units.Values.Where(u => scope.CanAct(u.Id)).OrderBy(u => u.Name).Select(u => new Option(u.Id, u.Name)).ToList();
    }

    /// <summary>Units whose resources the user can see, for the unit filter.</summary>
    public async Task<IReadOnlyList<Option>> VisibleUnitsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await CallerAsync(db, ct);
        return scope.Units.Values.Where(u => scope.Visible.Contains(u.Id)).OrderBy(u => u.Name).Select(u => new Option(u.Id, u.Name)).ToList();
    }

    public async Task<PagedResult<ResourceRow>> ListAsync(ResourceQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await CallerAsync(db, ct);
        if (!scope.Caller.IsSignedIn) return new PagedResult<ResourceRow>([], 0);
        var rows = Readable(db, scope);
        if (query.Kind is { } kind) rows = rows.Where(r => r.Kind == kind);
        if (query.UnitId is { } unit) rows = rows.Where(r => r.UnitId == unit);
        if (WorkItemCategories.IsKnown(query.Category))
        {
            // Categories are stored comma-separated; pad with commas so "Venue" does not match a longer code.
            var needle = "," + query.Category + ",";
            rows = rows.Where(r => ("," + r.Categories + ",").Contains(needle));
        }
        if (query.Term is { } term)
        {
            var lowered = term.ToLower();
            rows = rows.Where(r => r.Title.ToLower().Contains(lowered) || r.Description.ToLower().Contains(lowered));
        }
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(r => r.IsActive).ThenBy(r => r.Title).ThenBy(r => r.Id)
            .Skip(query.SafeSkip).Take(query.SafeTake).ToListAsync(ct);
        return new PagedResult<ResourceRow>(page.Select(r => ToRow(r, scope)).ToList(), total);
    }

    public async Task<ResourceRow?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await CallerAsync(db, ct);
        var row = await Readable(db, scope).FirstOrDefaultAsync(r => r.Id == id, ct);
        return row is null ? null : ToRow(row, scope);
    }

    /// <summary>The resource as its editor loads it; null unless the user may act for its unit.</summary>
    public async Task<ResourceForm?> GetForEditAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await CallerAsync(db, ct);
        var resource = await db.Resources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return resource is not null && scope.CanAct(resource.UnitId) ? ToForm(resource) : null;
    }

    /// <summary>
    /// Publishes a new resource or changes one. Invalid input, a unit the user may not act for and a stale version
    /// change nothing; on a conflict the current values come back so the editor keeps the user's input beside them.
    /// The lists of the unit's community hear of the change with it (<see cref="ResourceChanged"/>).
    /// </summary>
    public async Task<Result<ResourceForm>> SaveAsync(ResourceForm form, CancellationToken ct = default)
    {
        ResourceAccess access;
        await using (var db = await dbFactory.CreateDbContextAsync(ct)) access = await CallerAsync(db, ct);
        if (!access.Caller.IsSignedIn) return Result<ResourceForm>.NotFound(Text("Error.NotFound"));
        // Checked and stored as the database keeps text: a title of invisible characters only is no title.
        var (title, description, capacityUnit) = (UserText.SingleLine(form.Title), UserText.MultiLineTrimmed(form.Description), UserText.SingleLine(form.CapacityUnit));
        var problems = Validate(form, title, description, capacityUnit);
        Result? Describe(Resource resource)
        {
            if (problems.Refusal is { } refused) return refused;
            resource.Describe(form.Kind, title, description, WorkItemCategories.All.Where(form.Categories.Contains), form.Capacity, capacityUnit,
                form.AvailableFrom, form.AvailableUntil, form.IsActive, access.CommunityOf(resource.UnitId));
            return null;
        }

        if (form.IsNew)
            return await work.AddAsync<Resource, ResourceForm>(
                allow: _ => form.UnitId == 0 ? null : access.CanAct(form.UnitId) ? null : Refused(access, form.UnitId),
                create: _ =>
                {
                    if (form.UnitId == 0) problems.Add(ResourceFields.Unit, "Validation.UnitRequired");
                    var resource = new Resource { UnitId = form.UnitId, Title = "", CapacityUnit = "" };
                    return Describe(resource) is { } refused ? Result<Resource>.From(refused) : Result<Resource>.Ok(resource);
                },
                ct: ct);

        return await work.ChangeAsync<Resource, ResourceForm>(
            (db, ct) => db.Resources.FirstOrDefaultAsync(r => r.Id == form.Id, ct), form.Version,
            allow: (_, resource) => access.CanAct(resource.UnitId) ? null : Refused(access, resource.UnitId),
            run: (_, resource, _) =>
            {
                // The unit of a published resource stays: projects count its capacity against that unit.
                if (form.Capacity < resource.CommittedCapacity)
                    problems.Add(ResourceFields.Capacity, "Validation.CapacityBelowCommitted", resource.CommittedCapacity, resource.CapacityUnit);
                return Describe(resource);
            },
            ToForm, Texts,
            missing: _ => access.CanAct(form.UnitId) ? Result.Conflict(Texts.Deleted!) : Result.NotFound(Text("Error.NotFound")),
            ct: ct);
    }

    private static FieldProblems<ResourcesText> Validate(ResourceForm form, string title, string description, string unit)
    {
        var problems = new FieldProblems<ResourcesText>();
        if (title.Length == 0) problems.Add(ResourceFields.Title, "Validation.TitleRequired");
        else if (title.Length > Resource.TitleMaxLength) problems.Add(ResourceFields.Title, "Validation.TitleTooLong", Resource.TitleMaxLength);
        if (description.Length > Resource.DescriptionMaxLength) problems.Add(ResourceFields.Description, "Validation.DescriptionTooLong", Resource.DescriptionMaxLength);
        if (!Enum.IsDefined(form.Kind)) problems.Add(ResourceFields.Kind, "Validation.KindRequired");
        var categories = form.Categories.ToList();
        if (categories.Count == 0) problems.Add(ResourceFields.Categories, "Validation.CategoryRequired");
        else if (categories.Any(c => !WorkItemCategories.IsKnown(c))) problems.Add(ResourceFields.Categories, "Validation.CategoryUnknown");
        if (form.Capacity < 0) problems.Add(ResourceFields.Capacity, "Validation.CapacityNegative");
        if (unit.Length == 0) problems.Add(ResourceFields.CapacityUnit, "Validation.CapacityUnitRequired");
        else if (unit.Length > Resource.CapacityUnitMaxLength) problems.Add(ResourceFields.CapacityUnit, "Validation.CapacityUnitTooLong", Resource.CapacityUnitMaxLength);
        if (form.AvailableFrom is { } from && form.AvailableUntil is { } until && from > until) problems.Add(ResourceFields.Availability, "Validation.AvailabilityOrder");
        return problems;
    }

    /// <summary>Someone who can see the unit is told they may not edit; anyone else learns nothing.</summary>
    private static Result Refused(ResourceAccess access, int unitId) =>
        access.Sees(unitId) ? Result.NotAllowed(Text("Error.Forbidden")) : Result.NotFound(Text("Error.NotFound"));

    internal static IQueryable<Resource> Readable(PortalDbContext db, ResourceAccess scope)
    {
        var actable = scope.Actable.ToList();
        var visible = scope.Visible.ToList();
        return db.Resources.AsNoTracking().Where(r => actable.Contains(r.UnitId) || (r.IsActive && visible.Contains(r.UnitId)));
    }

    private static ResourceRow ToRow(Resource r, ResourceAccess scope)
    {
        return new ResourceRow(r.Id, r.UnitId, scope.NameOf(r.UnitId), scope.CommunityOf(r.UnitId), r.Kind, r.Title, r.Description,
            WorkItemCategories.All.Where(r.CategorySet.Contains).ToList(), r.Capacity, r.CommittedCapacity, r.CapacityUnit,
            r.AvailableFrom, r.AvailableUntil, r.IsActive, scope.CanAct(r.UnitId));
    }

    private static ResourceForm ToForm(Resource r) => new()
    {
        Id = r.Id,
        Version = r.Version,
        UnitId = r.UnitId,
        Kind = r.Kind,
        Title = r.Title,
        Description = r.Description,
        Categories = WorkItemCategories.All.Where(r.CategorySet.Contains).ToList(),
        Capacity = r.Capacity,
        Committed = r.CommittedCapacity,
        CapacityUnit = r.CapacityUnit,
        AvailableFrom = r.AvailableFrom,
        AvailableUntil = r.AvailableUntil,
        IsActive = r.IsActive,
    };

    /// <summary>
    /// What open lists hear of a resource: "resource.saved" on the lists channel of its unit's community (none for a
    /// street-level unit). Nested here while the lists channel names live in the work-items slice (S2A moves them to
    /// the Lists area kit; then this becomes a type of its own).
    /// </summary>
    internal sealed class LiveEvents : ILiveEventMapper
    {
        public LiveEventDraft? Map(Entity source, IDomainEvent domainEvent) =>
            domainEvent is ResourceChanged { CommunityId: { } community } changed && source is Resource resource
                ? LiveEventDraft.Of(ListsChannels.For(community), ResourceEvents.Saved, new ResourceEvent(resource.Id, changed.UnitId, resource.RemainingCapacity))
                : null;
    }
}
