using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Access;
using Portal.Domain.Text;
using Portal.Domain.WorkItems;
using Portal.Web.Components.Shared;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using ListsChannels = Portal.Web.Features.Lists.WorkItems.ListsChannels;
using Portal.Web.Features.Live;

namespace Portal.Web.Features.Lists.Resources;

/// <summary>
/// The resources list (资源清单). A unit's liaison publishes and edits the unit's resources; the community's secretary
/// manages those of units in the community and street administrators all of the street (AccessPolicy.CanActForUnit).
/// Everyone else who belongs to a community sees the active resources of its units and of street-level units, without
/// contact details. Capacity is never negative and never below what projects have already committed. Scoped.
/// </summary>
public sealed class ResourceService(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    AccessPolicyProvider policies,
    LiveEventBus bus,
    IStringLocalizer<ResourcesText> text,
    ILogger<ResourceService> logger)
{
    internal sealed record UnitPlace(int Id, string Name, int StreetId, int? CommunityId);

    /// <summary>What the caller may do with which units' resources.</summary>
    internal sealed record Scope(string? UserId, AccessPolicy Policy, IReadOnlyDictionary<int, UnitPlace> Units, HashSet<int> Actable, HashSet<int> Visible)
    {
        public bool CanAct(int unitId) => Actable.Contains(unitId);
    }

    internal static async Task<Scope> ScopeAsync(PortalDbContext db, ClaimsPrincipal principal, AccessPolicyProvider policies, CancellationToken ct)
    {
        var policy = await policies.ForAsync(principal, ct);
        var userId = principal.Identity?.IsAuthenticated == true ? principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        var units = (await db.Units.AsNoTracking().Select(u => new UnitPlace(u.Id, u.Name, u.StreetId, u.CommunityId)).ToListAsync(ct))
            .ToDictionary(u => u.Id);
        if (userId is null) return new Scope(null, policy, units, [], []);
        var visibleCommunities = policy.VisibleCommunities;
        var streetsOfVisible = policy.VisibleStreets;
        var actable = units.Values.Where(u => policy.CanActForUnit(u.Id)).Select(u => u.Id).ToHashSet();
        // A community unit is seen by its community; a street-level unit serves every community of the street.
        var visible = units.Values
            .Where(u => actable.Contains(u.Id)
                        || (u.CommunityId is { } c ? visibleCommunities.Contains(c) : streetsOfVisible.Contains(u.StreetId)))
            .Select(u => u.Id).ToHashSet();
        return new Scope(userId, policy, units, actable, visible);
    }

    private async Task<Scope> CallerAsync(PortalDbContext db, CancellationToken ct) =>
        await ScopeAsync(db, await currentUser.CallerAsync(), policies, ct);

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
        if (scope.UserId is null) return new PagedResult<ResourceRow>([], 0);
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
    /// </summary>
    public async Task<SaveResult<ResourceForm>> SaveAsync(ResourceForm form, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await CallerAsync(db, ct);
        if (scope.UserId is null) return SaveResult<ResourceForm>.NotFound(text["Error.NotFound"]);
        // Checked and stored as the database keeps text: a title of invisible characters only is no title.
        var (title, description, capacityUnit) = (UserText.SingleLine(form.Title), UserText.MultiLineTrimmed(form.Description), UserText.SingleLine(form.CapacityUnit));
        var errors = Validate(form, title, description, capacityUnit);
        Resource resource;
        if (form.IsNew)
        {
            if (form.UnitId == 0) errors.TryAdd(ResourceFields.Unit, text["Validation.UnitRequired"]);
            else if (!scope.CanAct(form.UnitId)) return Refused(scope, form.UnitId);
            if (errors.Count > 0) return SaveResult<ResourceForm>.Invalid(errors);
            resource = new Resource { UnitId = form.UnitId, Title = "", CapacityUnit = "" };
            db.Resources.Add(resource);
        }
        else
        {
            var found = await db.Resources.FirstOrDefaultAsync(r => r.Id == form.Id, ct);
            if (found is null)
                return scope.CanAct(form.UnitId) ? SaveResult<ResourceForm>.Conflict(null) : SaveResult<ResourceForm>.NotFound(text["Error.NotFound"]);
            if (!scope.CanAct(found.UnitId)) return Refused(scope, found.UnitId);
            // The unit of a published resource stays: projects count its capacity against that unit.
            if (form.Capacity < found.CommittedCapacity)
                errors.TryAdd(ResourceFields.Capacity, text["Validation.CapacityBelowCommitted", found.CommittedCapacity, found.CapacityUnit]);
            if (errors.Count > 0) return SaveResult<ResourceForm>.Invalid(errors);
            if (found.Version != form.Version) return SaveResult<ResourceForm>.Conflict(ToForm(found));
            db.Entry(found).Property(nameof(Resource.Version)).OriginalValue = form.Version;
            resource = found;
        }

        resource.Kind = form.Kind;
        resource.Title = title;
        resource.Description = description;
        resource.Categories = string.Join(',', WorkItemCategories.All.Where(form.Categories.Contains));
        resource.Capacity = form.Capacity;
        resource.CapacityUnit = capacityUnit;
        resource.AvailableFrom = form.AvailableFrom;
        resource.AvailableUntil = form.AvailableUntil;
        resource.IsActive = form.IsActive;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            var current = await fresh.Resources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == form.Id, ct);
            return SaveResult<ResourceForm>.Conflict(current is null ? null : ToForm(current));
        }
        await AnnounceAsync(bus, logger, scope.Units, resource, ct);
        return SaveResult<ResourceForm>.Saved(resource.Id);
    }

    /// <summary>Tells open lists of the unit's community (or, for street-level units, nobody in particular) that a resource changed.</summary>
    internal static async Task AnnounceAsync(LiveEventBus bus, ILogger logger, IReadOnlyDictionary<int, UnitPlace> units, Resource resource, CancellationToken ct)
    {
        if (!units.TryGetValue(resource.UnitId, out var unit) || unit.CommunityId is not { } community) return;
        try
        {
            await bus.PublishAsync(ListsChannels.For(community), ResourceEvents.Saved, new ResourceEvent(resource.Id, resource.UnitId, resource.RemainingCapacity), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Saved already; open lists catch up on their next load.
            logger.LogError(ex, "Live event for resource {Id} failed", resource.Id);
        }
    }

    private Dictionary<string, string> Validate(ResourceForm form, string title, string description, string unit)
    {
        var errors = new Dictionary<string, string>();
        if (title.Length == 0) errors[ResourceFields.Title] = text["Validation.TitleRequired"];
        else if (title.Length > Resource.TitleMaxLength) errors[ResourceFields.Title] = text["Validation.TitleTooLong", Resource.TitleMaxLength];
        if (description.Length > Resource.DescriptionMaxLength)
            errors[ResourceFields.Description] = text["Validation.DescriptionTooLong", Resource.DescriptionMaxLength];
        if (!Enum.IsDefined(form.Kind)) errors[ResourceFields.Kind] = text["Validation.KindRequired"];
        var categories = form.Categories.ToList();
        if (categories.Count == 0) errors[ResourceFields.Categories] = text["Validation.CategoryRequired"];
        else if (categories.Any(c => !WorkItemCategories.IsKnown(c))) errors[ResourceFields.Categories] = text["Validation.CategoryUnknown"];
        if (form.Capacity < 0) errors[ResourceFields.Capacity] = text["Validation.CapacityNegative"];
        if (unit.Length == 0) errors[ResourceFields.CapacityUnit] = text["Validation.CapacityUnitRequired"];
        else if (unit.Length > Resource.CapacityUnitMaxLength) errors[ResourceFields.CapacityUnit] = text["Validation.CapacityUnitTooLong", Resource.CapacityUnitMaxLength];
        if (form.AvailableFrom is { } from && form.AvailableUntil is { } until && from > until)
            errors[ResourceFields.Availability] = text["Validation.AvailabilityOrder"];
        return errors;
    }

    /// <summary>Someone who can see the unit is told they may not edit; anyone else learns nothing.</summary>
    private SaveResult<ResourceForm> Refused(Scope scope, int unitId) =>
        scope.Visible.Contains(unitId)
            ? SaveResult<ResourceForm>.Invalid(text["Error.Forbidden"].Value)
            : SaveResult<ResourceForm>.NotFound(text["Error.NotFound"]);

    internal static IQueryable<Resource> Readable(PortalDbContext db, Scope scope)
    {
        var actable = scope.Actable.ToList();
        var visible = scope.Visible.ToList();
        return db.Resources.AsNoTracking().Where(r => actable.Contains(r.UnitId) || (r.IsActive && visible.Contains(r.UnitId)));
    }

    private static ResourceRow ToRow(Resource r, Scope scope)
    {
        var unit = scope.Units.TryGetValue(r.UnitId, out var u) ? u : null;
        return new ResourceRow(r.Id, r.UnitId, unit?.Name ?? "", unit?.CommunityId, r.Kind, r.Title, r.Description,
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
}
