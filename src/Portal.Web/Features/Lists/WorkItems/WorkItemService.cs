using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Access;
using Portal.Domain.Text;
using Portal.Domain.WorkItems;
using Portal.Web.Data;
using Portal.Web.Components.Shared;
using Portal.Web.Kit.Files;
using Portal.Web.Kit.Live;
using Portal.Web.Kit.Commands;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Lists.WorkItems;

/// <summary>
/// Needs and the other work items through their one lifecycle: raise, triage, dispatch, accept or claim, progress with
/// evidence, report back, rate, close, reopen and chase. Every action checks who may take it (the resident their own
/// items, a liaison their unit's, a grid worker their grid's, a secretary the whole community), asks the state machine
/// (a refusal changes nothing), refuses stale versions, writes a history step; the step's event reaches the community's "lists/{id}" channel
/// through the outbox, in the same transaction. Audit entries are written by the database context on save. Scoped.
/// </summary>
public sealed partial class WorkItemService(
    IDbContextFactory<PortalDbContext> dbFactory,
    UnitOfWork work,
    AttachmentStore store,
    TimeProvider clock,
    IStringLocalizer<ListsText> lists)
{
    /// <summary>The caller of this scope (<see cref="CallerScope"/>'s rule); who may see and do what is <see cref="WorkItemAccess"/>'s.</summary>
    private ValueTask<Caller> CallerAsync(CancellationToken ct) => work.CallerAsync(ct);

    private static bool CanSee(Caller caller, WorkItem w) => WorkItemAccess.CanSee(WorkItemViewer.Of(caller), w);

    /// <summary>
    /// The work list: what the caller may see (<see cref="WorkItemAccess.WorkList"/>), except published commitments: those
    /// are for everyone of the community but belong on the commitments list (the commitments slice lists them), not in
    /// everyone's work list.
    /// </summary>
    private static IQueryable<WorkItem> Visible(PortalDbContext db, Caller caller) =>
        db.WorkItems.AsNoTracking().Where(WorkItemAccess.WorkList(WorkItemViewer.Of(caller)));

    // ---- Queries -------------------------------------------------------------------------------------------------

    /// <summary>The communities whose "lists/{id}" topic the caller's pages subscribe to.</summary>
    public async Task<IReadOnlyList<int>> CommunitiesAsync(CancellationToken ct = default) => (await CallerAsync(ct)).Visible;

    /// <summary>What the caller may do on the lists pages: enter needs on someone's behalf, filter by unit or grid.</summary>
    public async Task<WorkItemCapabilities> CapabilitiesAsync(CancellationToken ct = default)
    {
        var caller = await CallerAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Communities a need may be raised in: where the caller belongs (residents, members) or works.
        var gridCommunities = await db.Grids.AsNoTracking().Where(g => caller.GridsWorked.Contains(g.Id)).Select(g => g.CommunityId).ToListAsync(ct);
        var raiseIn = caller.Policy.Roles.Where(r => r.Scope == ScopeKind.Community).Select(r => r.ScopeId)
            .Concat(caller.Managed).Concat(gridCommunities).Distinct().ToList();
        var communities = await db.Communities.AsNoTracking().Where(c => raiseIn.Contains(c.Id)).OrderBy(c => c.Name)
            .Select(c => new Option(c.Id, c.Name)).ToListAsync(ct);
        var grids = await db.Grids.AsNoTracking()
            .Where(g => raiseIn.Contains(g.CommunityId))
            .OrderBy(g => g.CommunityId).ThenBy(g => g.Name)
            .Select(g => new WorkItemGridOption(g.Id, g.CommunityId, g.Name)).ToListAsync(ct);
        var managedUnits = caller.Managed.Count == 0 ? [] : await UnitsForAsync(db, caller.Managed.ToList(), ct);
        return new WorkItemCapabilities(caller.IsSignedIn, caller.Managed.Count > 0 || caller.GridsWorked.Count > 0, caller.Managed.Count > 0,
            caller.Managed.Count > 0 || caller.GridsWorked.Count > 0 || caller.LiaisonUnits.Count > 0, communities, grids, managedUnits);
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
        if (w is null || !CanSee(caller, w)) return null;
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
        var claimUnits = w.Status == WorkItemStatus.Triaged && w.IsPublic ? caller.LiaisonUnits : [];
        return new WorkItemDetail(
            w.Id, w.Version, w.Kind, w.Status, w.Title, SafeMarkdown.ToHtml(w.DescriptionMarkdown), w.Category, w.Urgency,
            w.CommunityId, community, w.GridId, grid, w.Address, w.Channel, w.RaisedByName, w.RaisedAtUtc, w.IsShared, w.IsPublic,
            w.OwnerUnitId, w.OwnerUnitId is { } o ? unitNames.GetValueOrDefault(o) : null,
            w.CoOwners.Select(c => unitNames.GetValueOrDefault(c.UnitId) ?? "").ToList(),
            w.DispatchedAtUtc, w.DueAtUtc, deadline, w.Rating, w.ReopenCount,
            events.Select(e => new WorkItemEventView(e.Id, e.Action, e.FromStatus, e.ToStatus, e.ActorName, e.AtUtc,
                string.IsNullOrWhiteSpace(e.Note) ? null : SafeMarkdown.ToHtml(e.Note), e.Rating, e.IsAutomatic,
                e.Attachments.OrderBy(a => a.Id).Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.SizeBytes)).ToList())).ToList(),
            WorkItemAccess.ActionsFor(WorkItemViewer.Of(caller), w),
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
        DeadlineCalculator.CurrentAsync(db, communityId, ct);

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
        if (item is null || !CanSee(caller, item)) return null;
        var path = store.PathOf(row.StoredName);
        return File.Exists(path) ? (path, row.ContentType, row.FileName) : null;
    }

    // ---- Raising -------------------------------------------------------------------------------------------------

    /// <summary>
    /// A resident raises a need for themselves; a grid worker (in their grid) or a secretary (in their community) enters
    /// one on a resident's behalf with the channel and, optionally, the resident's account, who may then rate it.
    /// </summary>
    public async Task<Result> RaiseAsync(RaiseNeedForm form, CancellationToken ct = default)
    {
        var caller = await CallerAsync(ct);
        if (!caller.IsSignedIn) return Result.NotFound(Text("Error.NotFound"));
        var problems = new FieldProblems<WorkItemsText>();
        // Checked as they will be stored (the database cleans them the same way), so a title of invisible characters is empty.
        var title = UserText.SingleLine(form.Title);
        var description = UserText.MultiLineTrimmed(form.Description);
        if (title.Length == 0) problems.Add(WorkItemFields.Title, "Validation.TitleRequired");
        else if (title.Length > WorkItem.TitleMaxLength) problems.Add(WorkItemFields.Title, "Validation.TitleTooLong", WorkItem.TitleMaxLength);
        if (description.Length > WorkItem.DescriptionMaxLength) problems.Add(WorkItemFields.Description, "Validation.DescriptionTooLong", WorkItem.DescriptionMaxLength);
        if (!WorkItemCategories.IsKnown(form.Category)) problems.Add(WorkItemFields.Category, "Validation.CategoryRequired");
        if (!Enum.IsDefined(form.Urgency)) problems.Add(nameof(form.Urgency), "Validation.UrgencyRequired");
        var address = UserText.SingleLineOrNull(form.Address);
        if (address?.Length > WorkItem.AddressMaxLength) problems.Add(nameof(form.Address), "Validation.AddressTooLong", WorkItem.AddressMaxLength);

        string? requesterId = caller.UserId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var onBehalf = form.Channel != RaiseChannel.Self;
            int? gridCommunity = form.GridId is { } gid ? await db.Grids.Where(g => g.Id == gid).Select(g => (int?)g.CommunityId).FirstOrDefaultAsync(ct) : null;
            if (form.CommunityId == 0) problems.Add(WorkItemFields.Community, "Validation.CommunityRequired");
            else if (!caller.Policy.CanViewCommunity(form.CommunityId)) problems.Add(WorkItemFields.Community, "Validation.CommunityOutOfScope");
            if (form.GridId is not null && gridCommunity != form.CommunityId) problems.Add(WorkItemFields.Grid, "Validation.GridOutOfScope");

            if (onBehalf)
            {
                // Only staff who work there may record a need for someone else: a secretary in the community, a grid worker in their grid.
                var staff = caller.Manages(form.CommunityId) || (form.GridId is { } g && caller.GridsWorked.Contains(g) && gridCommunity == form.CommunityId);
                if (!Enum.IsDefined(form.Channel) || form.Channel is RaiseChannel.Council or RaiseChannel.Deliberation) problems.Add(nameof(form.Channel), "Validation.ChannelInvalid");
                else if (!staff) problems.Add(nameof(form.Channel), "Validation.OnBehalfNotAllowed");
                requesterId = null;
                if (UserText.SingleLineOrNull(form.RequesterUserName) is { } name)
                {
                    var user = await db.Users.AsNoTracking().Where(u => u.UserName == name).Select(u => u.Id).FirstOrDefaultAsync(ct);
                    var belongs = user is not null && await db.RoleAssignments.AnyAsync(r => r.UserId == user && r.Scope == ScopeKind.Community && r.ScopeId == form.CommunityId, ct);
                    if (!belongs) problems.Add(WorkItemFields.Requester, "Validation.RequesterUnknown");
                    else requesterId = user;
                }
            }
            else if (!caller.Policy.Roles.Any(r => r.Scope == ScopeKind.Community && r.ScopeId == form.CommunityId) && !caller.Manages(form.CommunityId)
                     && !(form.GridId is { } g2 && caller.GridsWorked.Contains(g2)))
            {
                problems.Add(WorkItemFields.Community, "Validation.CommunityOutOfScope");
            }
        }
        if (problems.Refusal is { } refused) return refused;

        return await work.AddAsync<WorkItem, WorkItemChanged>(
            allow: _ => null,
            create: c => Result<WorkItem>.Ok(WorkItem.NewNeed(title, description, form.Category!, form.Urgency, form.CommunityId, form.GridId,
                address, form.Channel, Actor(c), requesterId, clock.GetUtcNow().UtcDateTime)),
            ct: ct);
    }

    // ---- Lifecycle actions ----------------------------------------------------------------------------------------

    /// <summary>Triage: shared (a need on the public list) or individual (a micro-wish), public or not.</summary>
    public Task<Result> TriageAsync(int id, Guid version, bool isShared, bool isPublic, string? note = null, CancellationToken ct = default) =>
        ActAsync(id, version, WorkItemAction.Triage, note, null, step: (w, s) => w.Triage(s.Actor, s.Now, isShared, isPublic, s.Note), ct: ct);

    public Task<Result> RejectAsync(int id, Guid version, string? reason, CancellationToken ct = default) =>
        ActAsync(id, version, WorkItemAction.Reject, reason, null, step: (w, s) => w.Reject(s.Actor, s.Now, s.Note), ct: ct);

    /// <summary>
    /// Dispatch to an owner unit (with optional co-owner units) at an urgency: the due date comes from the community's
    /// latest deadline rule set (the default hotline standard when it never edited them), or is given explicitly, never in the past.
    /// </summary>
    public Task<Result> DispatchAsync(int id, Guid version, int ownerUnitId, Urgency urgency, IReadOnlyCollection<int>? coOwnerUnitIds = null,
        DateTime? dueAtUtc = null, string? note = null, CancellationToken ct = default) =>
        ActAsync(id, version, WorkItemAction.Dispatch, note, null, needsUnits: true,
            step: (w, s) => w.Dispatch(s.Actor, s.Now, ownerUnitId, coOwnerUnitIds ?? [], urgency, dueAtUtc, s.Rules, s.RuleSetId, s.Units, s.Note), ct: ct);

    public Task<Result> AcceptAsync(int id, Guid version, string? note = null, CancellationToken ct = default) =>
        ActAsync(id, version, WorkItemAction.Accept, note, null, step: (w, s) => w.Accept(s.Actor, s.Now, s.Note), ct: ct);

    public Task<Result> DeclineAsync(int id, Guid version, string? reason, CancellationToken ct = default) =>
        ActAsync(id, version, WorkItemAction.Decline, reason, null, step: (w, s) => w.Decline(s.Actor, s.Now, s.Note), ct: ct);

    /// <summary>认领: a liaison claims for their unit (<paramref name="unitId"/>), a Party member for themselves (null).</summary>
    public Task<Result> ClaimAsync(int id, Guid version, int? unitId, string? note = null, CancellationToken ct = default) =>
        ActAsync(id, version, WorkItemAction.Claim, note, null, needsUnits: true, step: (w, s) =>
        {
            // A liaison only for their own unit of the item's community or street; a member only in their community.
            var viewer = WorkItemViewer.Of(s.Caller);
            var mine = s.Units.Where(u => viewer.IsLiaisonOf(u)).ToHashSet();
            return w.Claim(s.Actor, s.Now, unitId, viewer.IsMemberIn(w.CommunityId) ? s.Caller.PersonId : null, mine, s.Rules, s.RuleSetId, s.Note);
        }, ct: ct);

    /// <summary>A progress note with optional evidence files (checked by type, content and size before anything is stored).</summary>
    public Task<Result> AddProgressAsync(int id, Guid version, string? note, IReadOnlyList<AttachmentUpload>? files = null, CancellationToken ct = default) =>
        ActAsync(id, version, WorkItemAction.AddProgress, note, files, step: (w, s) => w.AddProgress(s.Actor, s.Now, s.Note, s.Attachments), ct: ct);

    public Task<Result> ReportBackAsync(int id, Guid version, string? note, IReadOnlyList<AttachmentUpload>? files = null, CancellationToken ct = default) =>
        ActAsync(id, version, WorkItemAction.ReportBack, note, files, step: (w, s) => w.ReportBack(s.Actor, s.Now, s.Note, s.Attachments), ct: ct);

    /// <summary>The requester rates the result; "not satisfied" sends it back to the owner.</summary>
    public Task<Result> RateAsync(int id, Guid version, Satisfaction? rating, string? note = null, CancellationToken ct = default) =>
        ActAsync(id, version, WorkItemAction.Rate, note, null, step: (w, s) => w.Rate(s.Actor, s.Now, rating, s.Note), ct: ct);

    public Task<Result> CloseAsync(int id, Guid version, string? note = null, CancellationToken ct = default) =>
        ActAsync(id, version, WorkItemAction.Close, note, null, step: (w, s) => w.Close(s.Actor, s.Now, s.Note), ct: ct);

    public Task<Result> ReopenAsync(int id, Guid version, string? reason, CancellationToken ct = default) =>
        ActAsync(id, version, WorkItemAction.Reopen, reason, null, step: (w, s) => w.Reopen(s.Actor, s.Now, s.Note), ct: ct);

    /// <summary>督办: the secretary chases the owner; the note is for them and the status stays.</summary>
    public Task<Result> ChaseAsync(int id, Guid version, string? note, CancellationToken ct = default) =>
        ActAsync(id, version, WorkItemAction.Chase, note, null, step: (w, s) => w.Chase(s.Actor, s.Now, s.Note), ct: ct);

    /// <summary>
    /// What a step gets besides its own arguments: the caller and the history's actor, the moment, the cleaned note, the
    /// checked evidence, and (for dispatch and claim) the units of the item's community and street with its current rules.
    /// </summary>
    private sealed record StepContext(Caller Caller, StepActor Actor, DateTime Now, string? Note, IReadOnlyList<Attachment> Attachments,
        IReadOnlySet<int> Units, DeadlineRules Rules, int? RuleSetId);

    /// <summary>
    /// The one path of every action, through the unit of work: visibility, permission (<see cref="WorkItemAccess"/>),
    /// version, note and files, then the item's own step method (the state machine, the kind's rules, the history step
    /// and its <see cref="WorkItemStepped"/>, which becomes the live event and the notifications in the same
    /// transaction). Any refusal changes nothing; evidence files are written after the checks, just before the save, and
    /// removed again if the change does not commit.
    /// </summary>
    private async Task<Result> ActAsync(int id, Guid version, WorkItemAction action, string? note, IReadOnlyList<AttachmentUpload>? files,
        Func<WorkItem, StepContext, string?> step, bool needsUnits = false, CancellationToken ct = default)
    {
        note = UserText.MultiLineTrimmedOrNull(note);
        if (note?.Length > WorkItemEvent.NoteMaxLength)
            return Result.Invalid(WorkItemFields.Note, Text("Validation.NoteTooLong", WorkItemEvent.NoteMaxLength));
        files ??= [];
        if (AttachmentStore.Problem(files) is { } problem) return Result.Invalid(WorkItemFields.Attachments, problem);
        var checkedFiles = files.Select(f =>
        {
            var (_, name, contentType) = AttachmentStore.Check(f);
            return (Upload: f, Name: name, ContentType: contentType);
        }).ToList();

        // Who may is asked of the item alone; what dispatch and claim need besides (the units and rules of the item's
        // community) is read only for an item the caller may act on at the version they saw, so a refusal or a conflict
        // (and the conflict's reload) reads nothing more.
        Result? Refused(Caller caller, WorkItem item)
        {
            var viewer = WorkItemViewer.Of(caller);
            return !WorkItemAccess.CanSee(viewer, item) ? Result.NotFound(Text("Error.NotFound"))
                : !WorkItemAccess.May(viewer, item, action) ? Result.NotAllowed(Text("Error.Forbidden"))
                : null;
        }
        var stepCaller = await CallerAsync(ct);
        IReadOnlySet<int> units = new HashSet<int>();
        DeadlineRuleSet? ruleSet = null;
        var attachments = new List<Attachment>();
        var written = new List<string>();
        try
        {
            var result = await work.ChangeAsync<WorkItem, WorkItemChanged>(
                load: async (db, c) =>
                {
                    var item = await db.WorkItems.Include(w => w.CoOwners).FirstOrDefaultAsync(w => w.Id == id, c);
                    if (needsUnits && item is not null && item.Version == version && Refused(stepCaller, item) is null)
                    {
                        units = (await UnitsForAsync(db, [item.CommunityId], c)).Select(u => u.Id).ToHashSet();
                        ruleSet = await LatestRulesAsync(db, item.CommunityId, c);
                    }
                    return item;
                },
                version,
                allow: Refused,
                run: (caller, item, _) =>
                {
                    var now = clock.GetUtcNow().UtcDateTime;
                    attachments = checkedFiles.Select(f => new Attachment
                    {
                        FileName = f.Name, ContentType = f.ContentType, SizeBytes = f.Upload.Content.Length,
                        StoredName = AttachmentStore.NewStoredName(f.Name), UploadedAtUtc = now,
                    }).ToList();
                    var context = new StepContext(caller, Actor(caller), now, note, attachments, units,
                        ruleSet?.ToRules() ?? DeadlineRules.Default, ruleSet?.Id);
                    return step(item, context) is { } refused ? Refusal(refused) : null;
                },
                current: w => new WorkItemChanged(w.Id, w.Status, w.Kind),
                texts: Texts,
                // Files are written once the step is allowed, before the save and outside its transaction (no database
                // lock held for disk work); they are removed again if the change does not commit.
                before: checkedFiles.Count == 0 ? null : async (_, c) =>
                {
                    foreach (var (attachment, (upload, _, _)) in attachments.Zip(checkedFiles))
                    {
                        await store.WriteAsync(attachment.StoredName, upload.Content, c);
                        written.Add(attachment.StoredName);
                    }
                },
                ct: ct);
            if (!result.Succeeded) written.ForEach(store.Delete);
            return result;
        }
        catch
        {
            written.ForEach(store.Delete);
            throw;
        }
    }

    /// <summary>
    /// A step's refusal code as a message: <see cref="WorkItemRefusals"/>' own are WorkItemsText keys (a missing note is the
    /// note field's), the state machine's WorkItemWords keys (the councils' rating shows them too), the kinds' (and a
    /// passed promised date) ListsText keys.
    /// </summary>
    private static Result Refusal(string code) => code switch
    {
        WorkItemRefusals.NoteRequired => Result.Invalid(WorkItemFields.Note, Text(code)),
        WorkItemRefusals.UrgencyRequired or WorkItemRefusals.UnitOutOfScope or WorkItemRefusals.DueInPast or WorkItemRefusals.NotClaimable
            or WorkItemRefusals.Forbidden => Result.Invalid(Text(code)),
        WorkItemWorkflow.NotAllowedInStatus or WorkItemWorkflow.RatingRequired or WorkItemWorkflow.RatingNotExpected
            => Result.Invalid(Message.Of<WorkItemWords>(code)),
        _ => Result.Invalid(Message.Of<ListsText>(code)),
    };

    private static Message Text(string key, params object[] args) => Message.Of<WorkItemsText>(key, args);

    private static readonly CommandTexts Texts = new(Text("Error.NotFound"), Text("Error.Conflict"));

    private static StepActor Actor(Caller caller) => new(caller.UserId, caller.Name);

}

/// <summary>A grid in a choice list, with its community so forms can offer the grids of the chosen community.</summary>
public sealed record WorkItemGridOption(int Id, int CommunityId, string Name);

/// <summary>What the caller may do on the lists pages.</summary>
public sealed record WorkItemCapabilities(
    bool CanRaise, bool CanEnterOnBehalf, bool ManagesAny, bool WorksOnOthersItems, IReadOnlyList<Option> Communities,
    IReadOnlyList<WorkItemGridOption> Grids, IReadOnlyList<Option> Units);
