using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Access;
using Portal.Domain.Text;
using Portal.Domain.WorkItems;
using Portal.Web.Data;
using Portal.Web.Components.Shared;
using Portal.Web.Kit.Commands;
using Portal.Web.Kit.Results;
using Portal.Web.Features.Localization;

namespace Portal.Web.Features.Lists.Commitments;

/// <summary>
/// Making commitments (承诺) and their ledger (台账). Who may make one for whom: a community secretary for any Party
/// organisation of the community (its own, its grid branches, its co-building units'), a liaison for their unit's
/// organisation, a Party member for themselves (filed under their own branch, at most five annual ones a year). The
/// steps after making go through the work items' one action path. The ledger is internal: managers of
/// the community and the liaison of the organisation's unit see it, with names. Scoped.
/// </summary>
public sealed partial class CommitmentService(
    IDbContextFactory<PortalDbContext> dbFactory,
    UnitOfWork work,
    TimeProvider clock)
{
    private ValueTask<Caller> CallerAsync(CancellationToken ct) => work.CallerAsync(ct);

    /// <summary>The local (China) year now.</summary>
    public int CurrentYear => PortalTime.ToLocal(clock.GetUtcNow().UtcDateTime).Year;

    private DateOnly Today => DateOnly.FromDateTime(PortalTime.ToLocal(clock.GetUtcNow().UtcDateTime));

    /// <summary>The commitments the caller may see (<see cref="WorkItemAccess.Visible"/>: their own, and the published ones), filtered and paged.</summary>
    public async Task<CommitmentList> ListCommitmentsAsync(CommitmentQuery query, CancellationToken ct = default)
    {
        var caller = await CallerAsync(ct);
        if (!caller.IsSignedIn) return new CommitmentList([], 0);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = db.WorkItems.AsNoTracking().Where(w => w.Kind == WorkItemKind.Commitment).Where(WorkItemAccess.Visible(WorkItemViewer.Of(caller)));
        if (query.PartyOrganizationId is { } org) rows = rows.Where(w => w.Commitment!.PartyOrganizationId == org);
        if (query.Year is { } year) rows = rows.Where(w => w.Commitment!.Year == year);
        if (query.Type is { } type) rows = rows.Where(w => w.Commitment!.Type == type);
        if (query.Status is { } status) rows = rows.Where(w => w.Status == status);
        if (query.Term is { } term)
        {
            var lowered = term.ToLower();
            rows = rows.Where(w => w.Title.ToLower().Contains(lowered) || w.DescriptionMarkdown.ToLower().Contains(lowered));
        }
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(w => w.RaisedAtUtc).ThenByDescending(w => w.Id)
            .Skip(query.SafeSkip).Take(query.SafeTake)
            .Select(w => new
            {
                w.Id, w.Status, w.Title, w.Commitment!.Type, w.Commitment.Year, w.CommunityId, w.OwnerPersonId, w.DueAtUtc, w.IsPublic,
                w.Commitment.MemberScore, w.Commitment.ResidentScore, w.Commitment.OrganizationScore,
                Organization = db.PartyOrganizations.Where(o => o.Id == w.Commitment.PartyOrganizationId).Select(o => o.Name).FirstOrDefault(),
                Member = db.People.Where(p => p.Id == w.OwnerPersonId).Select(p => p.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var items = page.Select(w =>
        {
            var assessed = w is { MemberScore: { } m, ResidentScore: { } r, OrganizationScore: { } o } ? CommitmentRules.Assess(m, r, o).Total : (decimal?)null;
            var byMember = w.OwnerPersonId is not null;
            var mayName = caller.Manages(w.CommunityId) || (caller.PersonId is { } p && p == w.OwnerPersonId);
            return new CommitmentRow(w.Id, w.Status, w.Title, w.Type, w.Year, w.Organization ?? "", byMember,
                byMember && mayName ? w.Member : null, w.DueAtUtc, w.DueAtUtc < now && IsLate(w.Status), w.IsPublic,
                assessed, assessed is { } t ? CommitmentRules.GradeOf(t) : null);
        }).ToList();
        return new CommitmentList(items, total);
    }

    /// <summary>Late only while the committer still owes it: once reported fulfilled it waits on the secretary, not them.</summary>
    private static bool IsLate(WorkItemStatus status) => WorkItemWorkflow.IsOpen(status) && status is not (WorkItemStatus.Reported or WorkItemStatus.Rated);

    /// <summary>The ways the caller may make a commitment; empty when they may make none.</summary>
    public async Task<IReadOnlyList<CommitmentMaker>> MakersAsync(CancellationToken ct = default)
    {
        var caller = await CallerAsync(ct);
        if (!caller.IsSignedIn) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await MakersAsync(db, caller, ct);
    }

    private static async Task<List<CommitmentMaker>> MakersAsync(PortalDbContext db, Caller caller, CancellationToken ct)
    {
        var makers = new List<CommitmentMaker>();
        var managed = caller.Policy.ManagedCommunities.ToList();
        var communities = await db.Communities.AsNoTracking().Select(c => new { c.Id, c.Name, c.StreetId }).ToListAsync(ct);
        string CommunityName(int id) => communities.FirstOrDefault(c => c.Id == id)?.Name ?? "";

        // The community's own organisations (no owner: the secretary acts for them) and the co-building units' (owned by the unit).
        foreach (var org in await db.PartyOrganizations.AsNoTracking().Where(o => o.CommunityId != null && managed.Contains(o.CommunityId.Value))
                     .OrderBy(o => o.Level).ThenBy(o => o.Name).Select(o => new { o.Id, o.Name, Community = o.CommunityId!.Value }).ToListAsync(ct))
            makers.Add(Organization(org.Id, org.Name, org.Community, CommunityName(org.Community), null));
        var unitOrgs = await db.Units.AsNoTracking().Where(u => u.PartyOrganizationId != null)
            .OrderBy(u => u.Name)
            .Select(u => new { u.Id, u.CommunityId, u.StreetId, Org = u.PartyOrganizationId!.Value, OrgName = u.PartyOrganization!.Name }).ToListAsync(ct);
        foreach (var unit in unitOrgs)
        {
            // A street-level unit works with every community of its street.
            var unitCommunities = unit.CommunityId is { } c ? [c] : communities.Where(x => x.StreetId == unit.StreetId).Select(x => x.Id).ToList();
            foreach (var community in unitCommunities)
            {
                if (managed.Contains(community) || (caller.LiaisonUnits.Contains(unit.Id) && caller.Policy.CanViewCommunity(community)))
                    makers.Add(Organization(unit.Org, unit.OrgName, community, CommunityName(community), unit.Id));
            }
        }
        // A Party member for themselves, filed under their own branch.
        if (caller.PersonId is { } personId && caller.MemberCommunities.Count > 0)
        {
            var person = await db.People.AsNoTracking().Where(p => p.Id == personId && p.IsPartyMember && p.HomePartyOrganizationId != null)
                .Select(p => new { Org = p.HomePartyOrganizationId!.Value, OrgName = p.HomePartyOrganization!.Name }).FirstOrDefaultAsync(ct);
            if (person is not null)
            {
                foreach (var community in caller.MemberCommunities)
                    makers.Add(new CommitmentMaker($"m:{person.Org}:{community}", CommitmentMakerKind.Member, person.Org, community, null, personId,
                        person.OrgName, CommunityName(community)));
            }
        }
        return makers.DistinctBy(m => m.Key).ToList();
    }

    private static CommitmentMaker Organization(int org, string name, int community, string communityName, int? unit) =>
        new($"o:{org}:{community}", CommitmentMakerKind.Organization, org, community, unit, null, name, communityName);

    /// <summary>
    /// Makes a commitment (status Raised, "待审核"): checked field by field, refused with localized messages and nothing
    /// saved when anything is wrong. The promised date is kept as the due date; publishing makes it the deadline.
    /// </summary>
    public async Task<Result> MakeAsync(MakeCommitmentForm form, CancellationToken ct = default)
    {
        var caller = await CallerAsync(ct);
        if (!caller.IsSignedIn) return Result.NotFound(Message.Of<CommitmentsText>("Error.NotAllowed"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var makers = await MakersAsync(db, caller, ct);
        if (makers.Count == 0) return Result.NotAllowed(Message.Of<CommitmentsText>("Error.NotAllowed"));

        var errors = new Dictionary<string, Message>();
        var maker = makers.FirstOrDefault(m => m.Key == form.MakerKey);
        if (maker is null) errors[CommitmentFields.Maker] = Message.Of<CommitmentsText>("Validation.MakerRequired");
        // Checked and stored as the database keeps text: invisible characters only are nothing.
        var title = UserText.SingleLine(form.Title);
        var description = UserText.MultiLineTrimmed(form.Description);
        if (title.Length == 0) errors[CommitmentFields.Title] = Message.Of<CommitmentsText>("Validation.TitleRequired");
        else if (title.Length > WorkItem.TitleMaxLength) errors[CommitmentFields.Title] = Message.Of<CommitmentsText>("Validation.TitleTooLong", WorkItem.TitleMaxLength);
        if (description.Length > WorkItem.DescriptionMaxLength) errors[CommitmentFields.Description] = Message.Of<CommitmentsText>("Validation.DescriptionTooLong", WorkItem.DescriptionMaxLength);
        if (!WorkItemCategories.IsKnown(form.Category)) errors[CommitmentFields.Category] = Message.Of<CommitmentsText>("Validation.CategoryRequired");
        if (!Enum.IsDefined(form.Type)) errors[CommitmentFields.Type] = Message.Of<CommitmentsText>("Validation.TypeRequired");

        var today = Today;
        // Annual commitments belong to this year's or next year's plan; an ad hoc one to the year it is made in.
        var year = form.Type == CommitmentType.Annual ? form.Year : today.Year;
        if (form.Type == CommitmentType.Annual && year != today.Year && year != today.Year + 1)
            errors[CommitmentFields.Year] = Message.Of<CommitmentsText>("Validation.YearOutOfRange", today.Year, today.Year + 1);
        if (form.PromisedDate is not { } promised) errors[CommitmentFields.PromisedDate] = Message.Of<CommitmentsText>("Validation.PromisedDateRequired");
        else if (promised <= today) errors[CommitmentFields.PromisedDate] = Message.Of<CommitmentsText>("Validation.PromisedDateInPast");
        else if (form.Type == CommitmentType.Annual && promised.Year != year && !errors.ContainsKey(CommitmentFields.Year))
            errors[CommitmentFields.PromisedDate] = Message.Of<CommitmentsText>("Validation.PromisedDateOutsideYear", year);

        if (maker is { Kind: CommitmentMakerKind.Member, OwnerPersonId: { } person } && form.Type == CommitmentType.Annual && !errors.ContainsKey(CommitmentFields.Year))
        {
            // Rejected commitments do not count against the five.
            var existing = await db.WorkItems.CountAsync(w => w.Kind == WorkItemKind.Commitment && w.OwnerPersonId == person
                && w.Commitment!.Type == CommitmentType.Annual && w.Commitment.Year == year && w.Status != WorkItemStatus.Rejected, ct);
            if (!CommitmentRules.MemberMayAddAnnual(existing))
                errors[Problem.Form] = Message.Of<CommitmentsText>("Validation.MemberQuotaReached", CommitmentRules.MemberAnnualMax, year);
        }
        if (errors.Count > 0) return Result.Invalid(errors.Select(e => new Problem(e.Key, e.Value)).ToList());

        var now = clock.GetUtcNow().UtcDateTime;
        // The right was decided above: the caller's makers are what they may make for, and an unknown key was refused.
        // The new item's raising is its live event, stored with it (the outbox).
        return await work.AddAsync<WorkItem, WorkItemChanged>(
            allow: _ => null,
            create: c => Result<WorkItem>.Ok(WorkItem.NewCommitment(title, description, form.Category!, maker!.CommunityId, maker.PartyOrganizationId,
                form.Type, year, maker.OwnerUnitId, maker.OwnerPersonId,
                // The end of the promised local day.
                PortalTime.StartOfDayUtc(form.PromisedDate!.Value.AddDays(1)).AddSeconds(-1), new StepActor(c.UserId, c.Name), now)),
            ct: ct);
    }

    /// <summary>
    /// Quota hints for this year: organisations the caller makes commitments for with fewer than ten, and the caller as a
    /// member with fewer than two annual ones. Rejected commitments do not count.
    /// </summary>
    public async Task<IReadOnlyList<CommitmentQuotaHint>> QuotaHintsAsync(CancellationToken ct = default)
    {
        var caller = await CallerAsync(ct);
        if (!caller.IsSignedIn) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var year = CurrentYear;
        var makers = await MakersAsync(db, caller, ct);
        var hints = new List<CommitmentQuotaHint>();
        foreach (var org in makers.Where(m => m.Kind == CommitmentMakerKind.Organization).DistinctBy(m => m.PartyOrganizationId))
        {
            var count = await db.WorkItems.CountAsync(w => w.Kind == WorkItemKind.Commitment && w.Commitment!.PartyOrganizationId == org.PartyOrganizationId
                && w.OwnerPersonId == null && w.Commitment.Year == year && w.Status != WorkItemStatus.Rejected, ct);
            if (count < CommitmentRules.OrganizationAnnualMin)
                hints.Add(new CommitmentQuotaHint(CommitmentMakerKind.Organization, org.OrganizationName, count, CommitmentRules.OrganizationAnnualMin));
        }
        if (makers.FirstOrDefault(m => m.Kind == CommitmentMakerKind.Member) is { OwnerPersonId: { } person } member)
        {
            var count = await db.WorkItems.CountAsync(w => w.Kind == WorkItemKind.Commitment && w.OwnerPersonId == person
                && w.Commitment!.Type == CommitmentType.Annual && w.Commitment.Year == year && w.Status != WorkItemStatus.Rejected, ct);
            if (count < CommitmentRules.MemberAnnualMin)
                hints.Add(new CommitmentQuotaHint(CommitmentMakerKind.Member, member.OrganizationName, count, CommitmentRules.MemberAnnualMin));
        }
        return hints;
    }

    /// <summary>Organisations the caller may filter the list by: those of the communities they can view.</summary>
    public async Task<IReadOnlyList<Option>> OrganizationsAsync(CancellationToken ct = default)
    {
        var caller = await CallerAsync(ct);
        if (!caller.IsSignedIn) return [];
        var visible = caller.Policy.VisibleCommunities.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.WorkItems.AsNoTracking()
            .Where(w => w.Kind == WorkItemKind.Commitment && w.Commitment!.PartyOrganizationId != null && visible.Contains(w.CommunityId))
            .Select(w => w.Commitment!.PartyOrganizationId!.Value).Distinct().ToListAsync(ct);
        return await db.PartyOrganizations.AsNoTracking().Where(o => ids.Contains(o.Id)).OrderBy(o => o.Name).Select(o => new Option(o.Id, o.Name)).ToListAsync(ct);
    }

    // ---- Ledger (台账) ----------------------------------------------------------------------------------------------

    /// <summary>
    /// Organisations whose ledger the caller may open: as a manager, the organisations of the managed communities and any
    /// organisation commitments of those communities are filed under (a member's branch may sit elsewhere); as a liaison,
    /// their unit's.
    /// </summary>
    public async Task<IReadOnlyList<Option>> LedgerOrganizationsAsync(CancellationToken ct = default)
    {
        var caller = await CallerAsync(ct);
        if (!caller.IsSignedIn) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await LedgerOrganizationIdsAsync(db, caller, ct);
        return await db.PartyOrganizations.AsNoTracking().Where(o => ids.Contains(o.Id)).OrderBy(o => o.Level).ThenBy(o => o.Name)
            .Select(o => new Option(o.Id, o.Name)).ToListAsync(ct);
    }

    private static async Task<HashSet<int>> LedgerOrganizationIdsAsync(PortalDbContext db, Caller caller, CancellationToken ct)
    {
        var ids = await ManagedLedgerOrganizationIdsAsync(db, caller, ct);
        ids.UnionWith(await LiaisonOrganizationsAsync(db, caller, ct));
        return ids;
    }

    /// <summary>The organisations whose ledgers the caller opens as a manager of their communities.</summary>
    private static async Task<HashSet<int>> ManagedLedgerOrganizationIdsAsync(PortalDbContext db, Caller caller, CancellationToken ct)
    {
        var managed = caller.Policy.ManagedCommunities.ToList();
        var ids = (await MakersAsync(db, caller, ct)).Where(m => m.Kind == CommitmentMakerKind.Organization && managed.Contains(m.CommunityId))
            .Select(m => m.PartyOrganizationId).ToHashSet();
        ids.UnionWith(await db.WorkItems.AsNoTracking()
            .Where(w => w.Kind == WorkItemKind.Commitment && w.Commitment!.PartyOrganizationId != null && managed.Contains(w.CommunityId))
            .Select(w => w.Commitment!.PartyOrganizationId!.Value).Distinct().ToListAsync(ct));
        return ids;
    }

    private static async Task<List<int>> LiaisonOrganizationsAsync(PortalDbContext db, Caller caller, CancellationToken ct)
    {
        var units = caller.LiaisonUnits.ToList();
        return units.Count == 0 ? [] : await db.Units.AsNoTracking().Where(u => units.Contains(u.Id) && u.PartyOrganizationId != null)
            .Select(u => u.PartyOrganizationId!.Value).ToListAsync(ct);
    }

    /// <summary>
    /// The commitments of one organisation's ledger for one year that the caller may see: every commitment filed under it
    /// (the organisation's own and its members'), not rejected ones; a manager sees those of the communities they manage,
    /// the organisation's liaison all. Not found (unknown organisation) or not allowed (and no query) when the caller may
    /// not open it; both say the ledger is not theirs to see, as the page does.
    /// </summary>
    private static async Task<Result<LedgerScope>> LedgerScopeAsync(PortalDbContext db, Caller caller, int organizationId, int year, CancellationToken ct)
    {
        if (!caller.IsSignedIn) return Result<LedgerScope>.NotAllowed(LedgerNotAllowed);
        var organization = await db.PartyOrganizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Name).FirstOrDefaultAsync(ct);
        if (organization is null) return Result<LedgerScope>.NotFound(LedgerNotAllowed);
        // The liaison's right first (one query); the manager's only when it is not that (it asks several).
        var liaison = (await LiaisonOrganizationsAsync(db, caller, ct)).Contains(organizationId);
        if (!liaison && !(await ManagedLedgerOrganizationIdsAsync(db, caller, ct)).Contains(organizationId))
            return Result<LedgerScope>.NotAllowed(LedgerNotAllowed);
        var managed = caller.Policy.ManagedCommunities.ToList();
        var items = db.WorkItems.AsNoTracking()
            .Where(w => w.Kind == WorkItemKind.Commitment && w.Commitment!.PartyOrganizationId == organizationId && w.Commitment.Year == year
                && w.Status != WorkItemStatus.Rejected && (liaison || managed.Contains(w.CommunityId)));
        return Result<LedgerScope>.Ok(new LedgerScope(organization, items));
    }

    private sealed record LedgerScope(string Organization, IQueryable<WorkItem> Items);

    private static readonly Message LedgerNotAllowed = Message.Of<CommitmentsText>("Ledger.NotAllowed");

    /// <summary>
    /// The whole ledger of one organisation for one year, every row (the Word/CSV export: it is paper). The page reads
    /// <see cref="LedgerSummaryAsync"/> and <see cref="LedgerPageAsync"/> instead.
    /// </summary>
    public async Task<Result<Ledger>> LedgerAsync(int organizationId, int year, CancellationToken ct = default)
    {
        var caller = await CallerAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await LedgerScopeAsync(db, caller, organizationId, year, ct);
        if (scope.Value is not { } ledger) return Result<Ledger>.From(scope);
        var rows = await LedgerRowsAsync(db, ledger.Items, ledger.Organization, null, 0, int.MaxValue, ct);
        var summary = await LedgerSummaryAsync(ledger.Items, ct);
        return Result<Ledger>.Ok(new Ledger(organizationId, ledger.Organization, year, rows, summary));
    }

    /// <summary>The figures on top of the ledger, counted in the database (no row is loaded).</summary>
    public async Task<Result<LedgerSummary>> LedgerSummaryAsync(int organizationId, int year, CancellationToken ct = default)
    {
        var caller = await CallerAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await LedgerScopeAsync(db, caller, organizationId, year, ct);
        return scope.Value is { } ledger ? Result<LedgerSummary>.Ok(await LedgerSummaryAsync(ledger.Items, ct)) : Result<LedgerSummary>.From(scope);
    }

    /// <summary>
    /// One page of the ledger's rows, sorted in the database by <paramref name="sort"/> (a <see cref="LedgerSort"/> column;
    /// the ledger's own order otherwise); null when the caller may not open this ledger.
    /// </summary>
    public async Task<PagedResult<LedgerRow>?> LedgerPageAsync(int organizationId, int year, int skip, int take,
        (string Column, bool Descending)? sort = null, CancellationToken ct = default)
    {
        var caller = await CallerAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if ((await LedgerScopeAsync(db, caller, organizationId, year, ct)).Value is not { } ledger) return null;
        var total = await ledger.Items.CountAsync(ct);
        var rows = await LedgerRowsAsync(db, ledger.Items, ledger.Organization, sort, Math.Max(0, skip), Math.Clamp(take, 1, LedgerSort.MaxTake), ct);
        return new PagedResult<LedgerRow>(rows, total);
    }

    private async Task<LedgerSummary> LedgerSummaryAsync(IQueryable<WorkItem> items, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = Enum.GetValues<WorkItemStatus>().Where(WorkItemWorkflow.IsOpen).ToList();
        // Reported and rated commitments wait on the assessors, not on the committer: not overdue.
        var late = open.Where(s => s is not (WorkItemStatus.Reported or WorkItemStatus.Rated)).ToList();
        var counts = await items.GroupBy(_ => 1).Select(g => new
        {
            Total = g.Count(),
            ByOrganization = g.Count(w => w.OwnerPersonId == null),
            Filed = g.Count(w => w.Status == WorkItemStatus.Closed),
            Open = g.Count(w => open.Contains(w.Status)),
            Overdue = g.Count(w => w.DueAtUtc < now && late.Contains(w.Status)),
        }).FirstOrDefaultAsync(ct);
        // Grades are counted from the unrounded total (SQLite cannot round decimals): 89.95 and above rounds to 90.
        var excellent = CommitmentRules.UnroundedFrom(CommitmentRules.ExcellentFrom);
        var good = CommitmentRules.UnroundedFrom(CommitmentRules.GoodFrom);
        var pass = CommitmentRules.UnroundedFrom(CommitmentRules.PassFrom);
        // The scores live in WorkItemCommitments: EF cannot group a projection through the owned navigation, so the
        // unrounded totals (one decimal per assessed row of one organisation's year) are read and counted here.
        var totals = (await items
                .Where(w => w.Commitment!.MemberScore != null && w.Commitment.ResidentScore != null && w.Commitment.OrganizationScore != null)
                .Select(CommitmentRules.UnroundedTotal).ToListAsync(ct))
            .Select(t => t!.Value).ToList();
        var scores = totals.Count == 0 ? null : new
        {
            Assessed = totals.Count,
            Average = (decimal?)totals.Average(),
            Excellent = totals.Count(t => t >= excellent),
            Good = totals.Count(t => t >= good && t < excellent),
            Pass = totals.Count(t => t >= pass && t < good),
            Fail = totals.Count(t => t < pass),
        };
        var total = counts?.Total ?? 0;
        var byOrganization = counts?.ByOrganization ?? 0;
        return new LedgerSummary(total, byOrganization, total - byOrganization, counts?.Filed ?? 0, counts?.Open ?? 0, counts?.Overdue ?? 0,
            scores?.Assessed ?? 0,
            // The average of the exact totals, rounded once (decision 0025).
            scores?.Average is { } average ? Math.Round(average, 1, MidpointRounding.AwayFromZero) : null,
            scores?.Excellent ?? 0, scores?.Good ?? 0, scores?.Pass ?? 0, scores?.Fail ?? 0);
    }

    /// <summary>
    /// Rows of the ledger in the sort asked for, skip/take in the database. The number (序号) is the row's place in the
    /// ledger's own order — the organisation's commitments first, then the members', each by when they were made — so
    /// it stays the same however the page is sorted and matches the export.
    /// </summary>
    private static async Task<List<LedgerRow>> LedgerRowsAsync(PortalDbContext db, IQueryable<WorkItem> items, string organization,
        (string Column, bool Descending)? sort, int skip, int take, CancellationToken ct)
    {
        var ordered = LedgerSort.Apply(items, sort);
        var page = await ordered.Skip(skip).Take(take)
            .Select(w => new
            {
                Number = items.Count(o => (o.OwnerPersonId == null && w.OwnerPersonId != null)
                    || ((o.OwnerPersonId == null) == (w.OwnerPersonId == null)
                        && (o.RaisedAtUtc < w.RaisedAtUtc || (o.RaisedAtUtc == w.RaisedAtUtc && o.Id < w.Id)))) + 1,
                w.Id, w.Title, w.Commitment!.Type, w.DueAtUtc, w.Status, w.OwnerPersonId, w.Commitment.MemberScore, w.Commitment.ResidentScore, w.Commitment.OrganizationScore,
                Member = db.People.Where(p => p.Id == w.OwnerPersonId).Select(p => p.Name).FirstOrDefault(),
                Fulfilment = db.WorkItemEvents.Where(e => e.WorkItemId == w.Id && e.Note != null
                        && (e.Action == WorkItemAction.ReportBack || e.Action == WorkItemAction.AddProgress))
                    .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).Select(e => e.Note).FirstOrDefault(),
                Evidence = db.Attachments.Count(a => db.WorkItemEvents.Any(e => e.Id == a.WorkItemEventId && e.WorkItemId == w.Id)),
            })
            .ToListAsync(ct);
        return page.Select(w =>
        {
            decimal? total = w.MemberScore is { } m && w.ResidentScore is { } r && w.OrganizationScore is { } o ? CommitmentRules.Assess(m, r, o).Total : null;
            return new LedgerRow(w.Number, w.Id, w.Member ?? organization, w.Type, w.Title, w.DueAtUtc, w.Status, PlainText(w.Fulfilment),
                w.Evidence, w.MemberScore, w.ResidentScore, w.OrganizationScore, total, total is { } t ? CommitmentRules.GradeOf(t) : null);
        }).ToList();
    }

    /// <summary>The note as one line of plain text for the ledger (Markdown marks and line breaks removed).</summary>
    private static string PlainText(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var plain = SafeMarkdown.ToPlainText(markdown);
        return Whitespace().Replace(plain, " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
