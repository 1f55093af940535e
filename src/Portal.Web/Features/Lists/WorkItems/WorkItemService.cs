using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Access;
using Portal.Domain.Text;
using Portal.Domain.WorkItems;
using Portal.Domain.WorkItems.Kinds;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Components.Shared;
using Portal.Web.Features.Live;
using Portal.Web.Features.Notifications;

namespace Portal.Web.Features.Lists.WorkItems;

/// <summary>
/// Needs and the other work items through their one lifecycle: raise, triage, dispatch, accept or claim, progress with
/// evidence, report back, rate, close, reopen and chase. Every action checks who may take it (the resident their own
/// items, a liaison their unit's, a grid worker their grid's, a secretary the whole community), asks the state machine
/// (a refusal changes nothing), refuses stale versions, writes a history step and announces the new status on the
/// community's "lists/{id}" topic. Audit entries are written by the database context on save. Scoped.
/// </summary>
public sealed partial class WorkItemService(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    LiveEventBus bus,
    AttachmentStore store,
    TimeProvider clock,
    IStringLocalizer<WorkItemsText> text,
    IStringLocalizer<ListsText> lists,
    WorkItemNotifier notifier,
    ILogger<WorkItemService> logger)
{
    /// <summary>
    /// The caller with everything the rules need, computed once per call; who may see and do what is
    /// <see cref="WorkItemAccess"/>'s, asked with <see cref="Viewer"/>.
    /// </summary>
    private sealed record Caller(string? UserId, string Name, int? PersonId, AccessPolicy Policy, WorkItemViewer Viewer)
    {
        public bool IsSignedIn => UserId is not null;
        public IReadOnlyList<int> Managed => Viewer.Managed;
        public IReadOnlyList<int> Visible => Viewer.Visible;
        public IReadOnlyList<int> Grids => Viewer.Grids;
        public IReadOnlyList<int> Units => Viewer.LiaisonUnits;
        public IReadOnlyList<int> MemberCommunities => Viewer.MemberCommunities;
        public bool Manages(int communityId) => Viewer.Manages(communityId);
        public bool IsLiaisonOf(int? unitId) => Viewer.IsLiaisonOf(unitId);
        public bool CanSee(WorkItem w) => WorkItemAccess.CanSee(Viewer, w);
    }

    private async Task<Caller> CallerAsync(CancellationToken ct)
    {
        // The circuit's or request's own user, never an ambient one (CallerScope's rule).
        var (userId, name, personId, policy) = await currentUser.IdentityAsync(ct);
        return new Caller(userId, userId is null ? "" : name, userId is null ? null : personId, policy, WorkItemViewer.Of(userId, personId, policy));
    }

    /// <summary>
    /// The work list: what the caller may see (<see cref="WorkItemAccess.WorkList"/>), except published commitments: those
    /// are for everyone of the community but belong on the commitments list (<see cref="ListCommitmentsAsync"/>), not in
    /// everyone's work list.
    /// </summary>
    private static IQueryable<WorkItem> Visible(PortalDbContext db, Caller caller) =>
        db.WorkItems.AsNoTracking().Where(WorkItemAccess.WorkList(caller.Viewer));

    // ---- Queries -------------------------------------------------------------------------------------------------

    /// <summary>The communities whose "lists/{id}" topic the caller's pages subscribe to.</summary>
    public async Task<IReadOnlyList<int>> CommunitiesAsync(CancellationToken ct = default) => (await CallerAsync(ct)).Visible;

    /// <summary>What the caller may do on the lists pages: enter needs on someone's behalf, filter by unit or grid.</summary>
    public async Task<WorkItemCapabilities> CapabilitiesAsync(CancellationToken ct = default)
    {
        var caller = await CallerAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Communities a need may be raised in: where the caller belongs (residents, members) or works.
        var gridCommunities = await db.Grids.AsNoTracking().Where(g => caller.Grids.Contains(g.Id)).Select(g => g.CommunityId).ToListAsync(ct);
        var raiseIn = caller.Policy.Roles.Where(r => r.Scope == ScopeKind.Community).Select(r => r.ScopeId)
            .Concat(caller.Managed).Concat(gridCommunities).Distinct().ToList();
        var communities = await db.Communities.AsNoTracking().Where(c => raiseIn.Contains(c.Id)).OrderBy(c => c.Name)
            .Select(c => new Option(c.Id, c.Name)).ToListAsync(ct);
        var grids = await db.Grids.AsNoTracking()
            .Where(g => raiseIn.Contains(g.CommunityId))
            .OrderBy(g => g.CommunityId).ThenBy(g => g.Name)
            .Select(g => new WorkItemGridOption(g.Id, g.CommunityId, g.Name)).ToListAsync(ct);
        var managedUnits = caller.Managed.Count == 0 ? [] : await UnitsForAsync(db, caller.Managed.ToList(), ct);
        return new WorkItemCapabilities(caller.IsSignedIn, caller.Managed.Count > 0 || caller.Grids.Count > 0, caller.Managed.Count > 0,
            caller.Managed.Count > 0 || caller.Grids.Count > 0 || caller.Units.Count > 0, communities, grids, managedUnits);
    }

    /// <summary>Units an item of the communities may be dispatched to: the communities' own and the street-level ones.</summary>
    private static async Task<List<Option>> UnitsForAsync(PortalDbContext db, List<int> communities, CancellationToken ct)
    {
        var streets = await db.Communities.AsNoTracking().Where(c => communities.Contains(c.Id)).Select(c => c.StreetId).Distinct().ToListAsync(ct);
        return await db.Units.AsNoTracking()
            .Where(u => (u.CommunityId != null && communities.Contains(u.CommunityId.Value)) || (u.CommunityId == null && streets.Contains(u.StreetId)))
            .OrderBy(u => u.Name).Select(u => new Option(u.Id, u.Name)).ToListAsync(ct);
    }

    /// <summary>Units an item may be dispatched to (the dispatch form's choice); empty unless the caller manages its community.</summary>
    public async Task<IReadOnlyList<Option>> DispatchUnitsAsync(int itemId, CancellationToken ct = default)
    {
        var caller = await CallerAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var community = await db.WorkItems.Where(w => w.Id == itemId).Select(w => (int?)w.CommunityId).FirstOrDefaultAsync(ct);
        return community is { } c && caller.Manages(c) ? await UnitsForAsync(db, [c], ct) : [];
    }

    // ListAsync and the export's ListAllAsync: WorkItemService.Listing.cs.

    /// <summary>The item with its history, attachments and the caller's possible actions; null when it cannot be seen.</summary>
    public async Task<WorkItemDetail?> GetAsync(int id, CancellationToken ct = default)
    {
        var caller = await CallerAsync(ct);
        if (!caller.IsSignedIn) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var w = await db.WorkItems.AsNoTracking().Include(x => x.CoOwners).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null || !caller.CanSee(w)) return null;
        var events = await db.WorkItemEvents.AsNoTracking().Include(e => e.Attachments)
            .Where(e => e.WorkItemId == id).OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(ct);
        var unitIds = w.CoOwners.Select(c => c.UnitId).Append(w.OwnerUnitId ?? 0).ToList();
        var unitNames = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var community = await db.Communities.AsNoTracking().Where(c => c.Id == w.CommunityId).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
        var grid = w.GridId is { } g ? await db.Grids.AsNoTracking().Where(x => x.Id == g).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;

        var now = clock.GetUtcNow().UtcDateTime;
        DeadlineState? deadline = null;
        if (w.DueAtUtc is { } due && WorkItemWorkflow.IsOpen(w.Status))
        {
            var rules = await RulesAsync(db, w, ct);
            var start = w.DispatchedAtUtc ?? w.RaisedAtUtc;
            deadline = rules.StateAt(new DateTimeOffset(now, TimeSpan.Zero), new DateTimeOffset(start, TimeSpan.Zero), new DateTimeOffset(due, TimeSpan.Zero));
        }
        var claimUnits = w.Status == WorkItemStatus.Triaged && w.IsPublic ? caller.Units : [];
        return new WorkItemDetail(
            w.Id, w.Version, w.Kind, w.Status, w.Title, SafeMarkdown.ToHtml(w.DescriptionMarkdown), w.Category, w.Urgency,
            w.CommunityId, community, w.GridId, grid, w.Address, w.Channel, w.RaisedByName, w.RaisedAtUtc, w.IsShared, w.IsPublic,
            w.OwnerUnitId, w.OwnerUnitId is { } o ? unitNames.GetValueOrDefault(o) : null,
            w.CoOwners.Select(c => unitNames.GetValueOrDefault(c.UnitId) ?? "").ToList(),
            w.DispatchedAtUtc, w.DueAtUtc, deadline, w.Rating, w.ReopenCount,
            events.Select(e => new WorkItemEventView(e.Id, e.Action, e.FromStatus, e.ToStatus, e.ActorName, e.AtUtc,
                string.IsNullOrWhiteSpace(e.Note) ? null : SafeMarkdown.ToHtml(e.Note), e.Rating, e.IsAutomatic,
                e.Attachments.OrderBy(a => a.Id).Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.SizeBytes)).ToList())).ToList(),
            WorkItemAccess.ActionsFor(caller.Viewer, w),
            claimUnits, caller.PersonId is not null && caller.MemberCommunities.Contains(w.CommunityId));
    }

    /// <summary>The rule set the item's deadline was computed with, else the community's latest, else the default.</summary>
    private static async Task<DeadlineRules> RulesAsync(PortalDbContext db, WorkItem w, CancellationToken ct)
    {
        var set = w.DeadlineRuleSetId is { } id
            ? await db.DeadlineRuleSets.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct)
            : await LatestRulesAsync(db, w.CommunityId, ct);
        return set?.ToRules() ?? DeadlineRules.Default;
    }

    // One definition of "the community's current rules", shared with the rules page and the deadline monitor.
    private static Task<DeadlineRuleSet?> LatestRulesAsync(PortalDbContext db, int communityId, CancellationToken ct) =>
        Deadlines.DeadlineCalculator.CurrentAsync(db, communityId, ct);

    /// <summary>A stored attachment the caller may download (they can see its item); null otherwise.</summary>
    public async Task<(string Path, string ContentType, string FileName)?> OpenAttachmentAsync(int attachmentId, CancellationToken ct = default)
    {
        var caller = await CallerAsync(ct);
        if (!caller.IsSignedIn) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Attachments.AsNoTracking()
            .Where(a => a.Id == attachmentId)
            .Select(a => new { a.StoredName, a.ContentType, a.FileName, ItemId = db.WorkItemEvents.Where(e => e.Id == a.WorkItemEventId).Select(e => e.WorkItemId).First() })
            .FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var item = await db.WorkItems.AsNoTracking().Include(w => w.CoOwners).FirstOrDefaultAsync(w => w.Id == row.ItemId, ct);
        if (item is null || !caller.CanSee(item)) return null;
        var path = store.PathOf(row.StoredName);
        return File.Exists(path) ? (path, row.ContentType, row.FileName) : null;
    }

    // ---- Raising -------------------------------------------------------------------------------------------------

    /// <summary>
    /// A resident raises a need for themselves; a grid worker (in their grid) or a secretary (in their community) enters
    /// one on a resident's behalf with the channel and, optionally, the resident's account, who may then rate it.
    /// </summary>
    public async Task<WorkItemResult> RaiseAsync(RaiseNeedForm form, CancellationToken ct = default)
    {
        var caller = await CallerAsync(ct);
        if (!caller.IsSignedIn) return WorkItemResult.Of(WorkItemOutcome.NotFound, text["Error.NotFound"]);
        var errors = new Dictionary<string, string>();
        // Checked as they will be stored (the database cleans them the same way), so a title of invisible characters is empty.
        var title = UserText.SingleLine(form.Title);
        var description = UserText.MultiLineTrimmed(form.Description);
        if (title.Length == 0) errors[WorkItemFields.Title] = text["Validation.TitleRequired"];
        else if (title.Length > WorkItem.TitleMaxLength) errors[WorkItemFields.Title] = text["Validation.TitleTooLong", WorkItem.TitleMaxLength];
        if (description.Length > WorkItem.DescriptionMaxLength) errors[WorkItemFields.Description] = text["Validation.DescriptionTooLong", WorkItem.DescriptionMaxLength];
        if (!WorkItemCategories.IsKnown(form.Category)) errors[WorkItemFields.Category] = text["Validation.CategoryRequired"];
        if (!Enum.IsDefined(form.Urgency)) errors[nameof(form.Urgency)] = text["Validation.UrgencyRequired"];
        var address = UserText.SingleLineOrNull(form.Address);
        if (address?.Length > WorkItem.AddressMaxLength) errors[nameof(form.Address)] = text["Validation.AddressTooLong", WorkItem.AddressMaxLength];

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var onBehalf = form.Channel != RaiseChannel.Self;
        int? gridCommunity = form.GridId is { } gid ? await db.Grids.Where(g => g.Id == gid).Select(g => (int?)g.CommunityId).FirstOrDefaultAsync(ct) : null;
        if (form.CommunityId == 0) errors[WorkItemFields.Community] = text["Validation.CommunityRequired"];
        else if (!caller.Policy.CanViewCommunity(form.CommunityId)) errors[WorkItemFields.Community] = text["Validation.CommunityOutOfScope"];
        if (form.GridId is not null && gridCommunity != form.CommunityId) errors[WorkItemFields.Grid] = text["Validation.GridOutOfScope"];

        string? requesterId = caller.UserId;
        if (onBehalf)
        {
            // Only staff who work there may record a need for someone else: a secretary in the community, a grid worker in their grid.
            var staff = caller.Manages(form.CommunityId) || (form.GridId is { } g && caller.Grids.Contains(g) && gridCommunity == form.CommunityId);
            if (!Enum.IsDefined(form.Channel) || form.Channel == RaiseChannel.Council) errors[nameof(form.Channel)] = text["Validation.ChannelInvalid"];
            else if (!staff) errors[nameof(form.Channel)] = text["Validation.OnBehalfNotAllowed"];
            requesterId = null;
            if (UserText.SingleLineOrNull(form.RequesterUserName) is { } name)
            {
                var user = await db.Users.AsNoTracking().Where(u => u.UserName == name).Select(u => u.Id).FirstOrDefaultAsync(ct);
                var belongs = user is not null && await db.RoleAssignments.AnyAsync(r => r.UserId == user && r.Scope == ScopeKind.Community && r.ScopeId == form.CommunityId, ct);
                if (!belongs) errors[WorkItemFields.Requester] = text["Validation.RequesterUnknown"];
                else requesterId = user;
            }
        }
        else if (!caller.Policy.Roles.Any(r => r.Scope == ScopeKind.Community && r.ScopeId == form.CommunityId) && !caller.Manages(form.CommunityId)
                 && !(form.GridId is { } g2 && caller.Grids.Contains(g2)))
        {
            errors.TryAdd(WorkItemFields.Community, text["Validation.CommunityOutOfScope"]);
        }
        if (errors.Count > 0) return WorkItemResult.Invalid(errors);

        var item = new WorkItem
        {
            Kind = WorkItemKind.Need,
            Title = title,
            DescriptionMarkdown = description,
            Category = form.Category!,
            Urgency = form.Urgency,
            CommunityId = form.CommunityId,
            GridId = form.GridId,
            Address = address,
            Channel = form.Channel,
            RaisedByUserId = caller.UserId,
            RaisedByName = Truncate(caller.Name, WorkItem.NameMaxLength),
            RequesterUserId = requesterId,
            RaisedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.WorkItems.Add(item);
        await db.SaveChangesAsync(ct);
        await AnnounceAsync(item, ct);
        return WorkItemResult.Saved(item.Id);
    }

    // ---- Lifecycle actions ----------------------------------------------------------------------------------------

    /// <summary>Triage: shared (a need on the public list) or individual (a micro-wish), public or not.</summary>
    public Task<WorkItemResult> TriageAsync(int id, Guid version, bool isShared, bool isPublic, string? note = null, CancellationToken ct = default) =>
        ActAsync(id, version, WorkItemAction.Triage, note, null, null, (_, w, _, _) =>
        {
            w.IsShared = isShared;
            w.IsPublic = isPublic;
            w.Kind = WorkItemKinds.For(w.Kind).KindAfterTriage(isShared);
            return Task.FromResult<string?>(null);
        }, ct);

    public Task<WorkItemResult> RejectAsync(int id, Guid version, string? reason, CancellationToken ct = default) =>
        ActAsync(id, version, WorkItemAction.Reject, reason, null, null, null, ct, noteRequired: true);

    /// <summary>
    /// Dispatch to an owner unit (with optional co-owner units) at an urgency: the due date comes from the community's
    /// latest deadline rule set (the default hotline standard when it never edited them), or is given explicitly, never in the past.
    /// </summary>
    public Task<WorkItemResult> DispatchAsync(int id, Guid version, int ownerUnitId, Urgency urgency, IReadOnlyCollection<int>? coOwnerUnitIds = null,
        DateTime? dueAtUtc = null, string? note = null, CancellationToken ct = default) =>
        ActAsync(id, version, WorkItemAction.Dispatch, note, null, null, async (_, w, db, now) =>
        {
            // A commitment is published to its own committer (PublishCommitmentAsync), never sent to a unit.
            if (WorkItemKinds.For(w.Kind).RefusesPlain(WorkItemAction.Dispatch) is { } refused) return lists[refused];
            if (!Enum.IsDefined(urgency)) return text["Validation.UrgencyRequired"];
            var allowed = (await UnitsForAsync(db, [w.CommunityId], ct)).Select(u => u.Id).ToHashSet();
            if (!allowed.Contains(ownerUnitId)) return text["Validation.UnitOutOfScope"];
            var coOwners = (coOwnerUnitIds ?? []).Where(u => u != ownerUnitId).Distinct().ToList();
            if (coOwners.Any(u => !allowed.Contains(u))) return text["Validation.UnitOutOfScope"];
            DateTime due;
            int? ruleSetId = null;
            if (dueAtUtc is { } given)
            {
                due = DateTime.SpecifyKind(given, DateTimeKind.Utc);
                if (due <= now) return text["Validation.DueInPast"];
            }
            else
            {
                var set = await LatestRulesAsync(db, w.CommunityId, ct);
                due = now + (set?.ToRules() ?? DeadlineRules.Default).Allowed(urgency);
                ruleSetId = set?.Id;
            }
            w.OwnerUnitId = ownerUnitId;
            w.OwnerPersonId = null;
            w.Urgency = urgency;
            w.DueAtUtc = due;
            w.DeadlineRuleSetId = ruleSetId;
            w.CoOwners.RemoveAll(c => !coOwners.Contains(c.UnitId));
            foreach (var unit in coOwners.Where(u => w.CoOwners.All(c => c.UnitId != u)))
                w.CoOwners.Add(new WorkItemCoOwner { WorkItemId = w.Id, UnitId = unit });
            return null;
        }, ct);

    public Task<WorkItemResult> AcceptAsync(int id, Guid version, string? note = null, CancellationToken ct = default) =>
        ActAsync(id, version, WorkItemAction.Accept, note, null, null, null, ct);

    public Task<WorkItemResult> DeclineAsync(int id, Guid version, string? reason, CancellationToken ct = default) =>
        ActAsync(id, version, WorkItemAction.Decline, reason, null, null, (_, w, _, _) =>
        {
            w.DueAtUtc = null;
            w.CoOwners.Clear();
            return Task.FromResult<string?>(null);
        }, ct, noteRequired: true);

    /// <summary>认领: a liaison claims for their unit (<paramref name="unitId"/>), a Party member for themselves (null).</summary>
    public Task<WorkItemResult> ClaimAsync(int id, Guid version, int? unitId, string? note = null, CancellationToken ct = default) =>
        ActAsync(id, version, WorkItemAction.Claim, note, null, null, async (caller, w, db, now) =>
        {
            if (!w.IsPublic) return text["Error.NotClaimable"];
            if (unitId is { } u)
            {
                if (!caller.IsLiaisonOf(u) || !(await UnitsForAsync(db, [w.CommunityId], ct)).Any(x => x.Id == u)) return text["Error.Forbidden"];
                w.OwnerUnitId = u;
                w.OwnerPersonId = null;
            }
            else
            {
                if (caller.PersonId is null || !caller.MemberCommunities.Contains(w.CommunityId)) return text["Error.Forbidden"];
                w.OwnerPersonId = caller.PersonId;
                w.OwnerUnitId = null;
            }
            if (w.DueAtUtc is null)
            {
                var set = await LatestRulesAsync(db, w.CommunityId, ct);
                w.DueAtUtc = now + (set?.ToRules() ?? DeadlineRules.Default).Allowed(w.Urgency);
                w.DeadlineRuleSetId = set?.Id;
            }
            return null;
        }, ct);

    /// <summary>A progress note with optional evidence files (checked by type, content and size before anything is stored).</summary>
    public Task<WorkItemResult> AddProgressAsync(int id, Guid version, string? note, IReadOnlyList<AttachmentUpload>? files = null, CancellationToken ct = default) =>
        ActAsync(id, version, WorkItemAction.AddProgress, note, null, files, null, ct, noteRequired: true);

    public Task<WorkItemResult> ReportBackAsync(int id, Guid version, string? note, IReadOnlyList<AttachmentUpload>? files = null, CancellationToken ct = default) =>
        ActAsync(id, version, WorkItemAction.ReportBack, note, null, files, null, ct, noteRequired: true);

    /// <summary>The requester rates the result; "not satisfied" sends it back to the owner.</summary>
    public Task<WorkItemResult> RateAsync(int id, Guid version, Satisfaction? rating, string? note = null, CancellationToken ct = default) =>
        ActAsync(id, version, WorkItemAction.Rate, note, rating, null,
            // A commitment is rated by its three assessment scores (AssessCommitmentAsync), never by a bare satisfaction.
            (_, w, _, _) => Task.FromResult(WorkItemKinds.For(w.Kind).RefusesPlain(WorkItemAction.Rate) is { } refused ? (string?)lists[refused] : null), ct);

    public Task<WorkItemResult> CloseAsync(int id, Guid version, string? note = null, CancellationToken ct = default) =>
        ActAsync(id, version, WorkItemAction.Close, note, null, null, null, ct);

    public Task<WorkItemResult> ReopenAsync(int id, Guid version, string? reason, CancellationToken ct = default) =>
        ActAsync(id, version, WorkItemAction.Reopen, reason, null, null, null, ct, noteRequired: true);

    /// <summary>督办: the secretary chases the owner; the note is for them and the status stays.</summary>
    public Task<WorkItemResult> ChaseAsync(int id, Guid version, string? note, CancellationToken ct = default) =>
        ActAsync(id, version, WorkItemAction.Chase, note, null, null, null, ct, noteRequired: true);

    private delegate Task<string?> Prepare(Caller caller, WorkItem item, PortalDbContext db, DateTime nowUtc);

    /// <summary>
    /// The one path of every action: visibility, permission, version, note and files, the state machine, the action's own
    /// changes, the history step, a save that refuses a concurrent change, then the live event. Any refusal changes nothing.
    /// </summary>
    private async Task<WorkItemResult> ActAsync(int id, Guid version, WorkItemAction action, string? note, Satisfaction? rating,
        IReadOnlyList<AttachmentUpload>? files, Prepare? prepare, CancellationToken ct, bool noteRequired = false)
    {
        var caller = await CallerAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.WorkItems.Include(w => w.CoOwners).FirstOrDefaultAsync(w => w.Id == id, ct);
        if (item is null || !caller.IsSignedIn || !caller.CanSee(item)) return WorkItemResult.Of(WorkItemOutcome.NotFound, text["Error.NotFound"]);
        if (!WorkItemAccess.May(caller.Viewer, item, action)) return WorkItemResult.Of(WorkItemOutcome.Forbidden, text["Error.Forbidden"]);
        if (item.Version != version) return WorkItemResult.Of(WorkItemOutcome.Conflict, text["Error.Conflict"]);

        note = UserText.MultiLineTrimmedOrNull(note);
        if (noteRequired && note is null) return WorkItemResult.Invalid(new Dictionary<string, string> { ["Note"] = text["Validation.NoteRequired"] });
        if (note?.Length > WorkItemEvent.NoteMaxLength)
            return WorkItemResult.Invalid(new Dictionary<string, string> { ["Note"] = text["Validation.NoteTooLong", WorkItemEvent.NoteMaxLength] });

        files ??= [];
        if (AttachmentStore.Problem(text, files) is { } problem)
            return WorkItemResult.Invalid(new Dictionary<string, string> { [WorkItemFields.Attachments] = problem });
        var checkedFiles = files.Select(f =>
        {
            var (_, name, contentType) = AttachmentStore.Check(f);
            return (Upload: f, Name: name, ContentType: contentType);
        }).ToList();

        var now = clock.GetUtcNow().UtcDateTime;
        var from = item.Status;
        var transition = item.Apply(action, now, rating);
        if (!transition.Allowed) return WorkItemResult.Invalid(lists[transition.ErrorCode!]);
        if (prepare is not null && await prepare(caller, item, db, now) is { } refusal)
            return WorkItemResult.Invalid(refusal);

        var step = new WorkItemEvent
        {
            WorkItemId = item.Id,
            Action = action,
            FromStatus = from,
            ToStatus = item.Status,
            ActorUserId = caller.UserId,
            ActorName = Truncate(caller.Name, WorkItem.NameMaxLength),
            AtUtc = now,
            Note = note,
            Rating = rating,
        };
        foreach (var (upload, name, contentType) in checkedFiles)
        {
            step.Attachments.Add(new Attachment
            {
                FileName = name, ContentType = contentType, SizeBytes = upload.Content.Length,
                StoredName = AttachmentStore.NewStoredName(name), UploadedAtUtc = now,
            });
        }
        item.Events.Add(step);
        // Saving the event alone would not touch the item's row; the version must change with every step.
        db.Entry(item).State = EntityState.Modified;
        db.Entry(item).Property(nameof(WorkItem.Version)).OriginalValue = version;

        var written = new List<string>();
        try
        {
            foreach (var (attachment, (upload, _, _)) in step.Attachments.Zip(checkedFiles))
            {
                await store.WriteAsync(attachment.StoredName, upload.Content, ct);
                written.Add(attachment.StoredName);
            }
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            written.ForEach(store.Delete);
            return WorkItemResult.Of(WorkItemOutcome.Conflict, text["Error.Conflict"]);
        }
        catch
        {
            written.ForEach(store.Delete);
            throw;
        }
        await AnnounceAsync(item, ct);
        await notifier.NotifyAsync(item, action, rating, note, caller.UserId, ct);
        return WorkItemResult.Saved(item.Id);
    }

    private async Task AnnounceAsync(WorkItem item, CancellationToken ct)
    {
        try
        {
            await bus.PublishAsync(ListsChannels.For(item.CommunityId), WorkItemEvents.Changed, new WorkItemChanged(item.Id, item.Status, item.Kind), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The change is saved; viewers see it on their next load even if the live notice failed.
            logger.LogError(ex, "Live event for work item {Id} failed", item.Id);
        }
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}

/// <summary>A grid in a choice list, with its community so forms can offer the grids of the chosen community.</summary>
public sealed record WorkItemGridOption(int Id, int CommunityId, string Name);

/// <summary>What the caller may do on the lists pages.</summary>
public sealed record WorkItemCapabilities(
    bool CanRaise, bool CanEnterOnBehalf, bool ManagesAny, bool WorksOnOthersItems, IReadOnlyList<Option> Communities,
    IReadOnlyList<WorkItemGridOption> Grids, IReadOnlyList<Option> Units);
