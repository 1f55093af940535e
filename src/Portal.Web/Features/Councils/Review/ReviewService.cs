using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Councils;
using Portal.Domain.Text;
using Portal.Domain.WorkItems;
using Portal.Web.Components.Shared;
using Portal.Web.Data;
using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Commands;
using Portal.Web.Kit.Results;
using Portal.Web.Features.Localization;

namespace Portal.Web.Features.Councils.Review;

/// <summary>
/// The annual review of a council (年度评议) for one year:
/// <list type="bullet">
/// <item><b>Projects</b> of the council's community active in the year, each with the member unit that raised its need
/// at the council (the proposer of a topic of this council linked to one of the project's needs, else to the project),
/// its progress and its rating. The rating is the project work item's own <see cref="WorkItem.Rating"/> through the
/// three-lists Rate step; here the raising unit's liaison gives it (the lists' own rating is the requester's, and a
/// project has none).</item>
/// <item><b>Carry-over</b> (结转): the council tasks of the year (work items of this council's resolutions, and those
/// carried into the year) still open; a manager carries them all into the next year, each with a reason
/// (<see cref="AnnualReview.CheckCarryOver"/>).</item>
/// <item><b>Member unit scores</b>: <see cref="AnnualReview.Records"/> and <see cref="AnnualReview.Score"/> with the year's
/// newest rule set (else the latest earlier year's, else the default). Activities per quarter: dual reporting's service
/// records do not exist yet, so what counts now is the work a unit did for the community through the three lists — each
/// work item of the council's community it owned and reported done (反馈) in the quarter.</item>
/// </list>
/// Everyone who can view the council reads the review; its managers edit the rules and carry tasks over
/// (<see cref="CouncilAccess"/>). A council the caller may not view is reported exactly like one that does not exist. Scoped.
/// </summary>
public sealed class ReviewService(
    IDbContextFactory<PortalDbContext> dbFactory,
    CallerScope callers,
    UnitOfWork work,
    TimeProvider clock)
{
    private static Message Text(string key, params object[] args) => Message.Of<ReviewText>(key, args);

    /// <summary>The earliest year the page offers when the council has no meetings yet (and the lowest year accepted).</summary>
    public const int MinYear = 2000;

    private int CurrentYear => PortalTime.ToLocal(clock.GetUtcNow().UtcDateTime).Year;

    /// <summary>
    /// The council's review for <paramref name="year"/> (this year when null); null when the council is absent or not
    /// viewable, or the year is not one that can be reviewed (before <see cref="MinYear"/> or in the future).
    /// </summary>
    public async Task<AnnualReviewView?> GetAsync(int councilId, int? year, CancellationToken ct = default)
    {
        if (year is < MinYear || year > CurrentYear) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (caller, council) = await LoadAsync(db, councilId, ct);
        if (council is null) return null;
        return await ViewAsync(db, caller, council, year ?? CurrentYear, ct);
    }

    // ---- Rules ------------------------------------------------------------------------------------------------------

    /// <summary>
    /// Saves edited rules for the year as a new rule set row (the newest applies; earlier rows stay, so a score once shown
    /// can be recomputed with the rules it was computed with). Refused, changing nothing, for non-managers, for invalid
    /// figures (errors under the fields) and when someone saved the year's rules since the form was loaded: the new row is
    /// saved as a change of the newest one the form started from, whose version moves with it, so two saves against the
    /// same base collide on it. The value is the review as it is now.
    /// </summary>
    public async Task<Result<AnnualReviewView>> SaveRulesAsync(int councilId, int year, ScoringRulesForm form, CancellationToken ct = default)
    {
        var (council, refused) = await ForChangeAsync(councilId, year, ct);
        if (refused is not null) return Result<AnnualReviewView>.From(refused);
        var problems = RuleProblems(form);
        CouncilScoringRuleSet NewRow() => new()
        {
            CouncilId = councilId,
            Year = year,
            AttendanceMaxPoints = form.AttendanceMaxPoints!.Value,
            PointsPerActivity = form.PointsPerActivity!.Value,
            ActivityCapPerQuarter = form.ActivityCapPerQuarter!.Value,
            PointsPerAdoptedTopic = form.PointsPerAdoptedTopic!.Value,
            AdoptedTopicCap = form.AdoptedTopicCap!.Value,
        };
        var allow = Managers(council!);

        Result saved;
        if (form.BaseRuleSetId is null || form.BaseVersion is not { } baseVersion)
        {
            // The year's first rule set: someone who saved one meanwhile came first.
            bool exists;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
                exists = await db.CouncilScoringRuleSets.AnyAsync(r => r.CouncilId == councilId && r.Year == year, ct);
            saved = await work.AddAsync<CouncilScoringRuleSet, ScoringRules>(
                allow,
                _ => problems.Count > 0 ? Result<CouncilScoringRuleSet>.Invalid(problems)
                    : exists ? Result<CouncilScoringRuleSet>.From(Result.Conflict(Text("Error.RulesConflict")))
                    : Result<CouncilScoringRuleSet>.Ok(NewRow()),
                ct: ct);
        }
        else
        {
            // The newest row now: another one than the form's base has another version, so that is a conflict too.
            saved = await work.ChangeAsync<CouncilScoringRuleSet, ScoringRules>(
                (db, ct) => db.CouncilScoringRuleSets.Where(r => r.CouncilId == councilId && r.Year == year).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct),
                baseVersion,
                allow: (caller, _) => allow(caller),
                run: (_, _, db) =>
                {
                    if (problems.Count > 0) return Result.Invalid(problems);
                    db.CouncilScoringRuleSets.Add(NewRow());
                    return null;
                },
                newest => newest.ToRules(),
                new CommandTexts(Text("Error.NotFound"), Text("Error.RulesConflict")),
                missing: _ => Result.Conflict(Text("Error.RulesConflict")),
                ct: ct);
        }
        return await WithViewAsync(saved, council!, year, ct);
    }

    /// <summary>Problems under the fields: empty figures, then the domain's codes placed on the figures they concern.</summary>
    private static List<Problem> RuleProblems(ScoringRulesForm form)
    {
        var problems = new List<Problem>();
        void Add(string field, Message message)
        {
            if (problems.All(p => p.Field != field)) problems.Add(new Problem(field, message));
        }
        var fields = new (string Name, decimal? Value)[]
        {
            (nameof(form.AttendanceMaxPoints), form.AttendanceMaxPoints), (nameof(form.PointsPerActivity), form.PointsPerActivity),
            (nameof(form.ActivityCapPerQuarter), form.ActivityCapPerQuarter), (nameof(form.PointsPerAdoptedTopic), form.PointsPerAdoptedTopic),
            (nameof(form.AdoptedTopicCap), form.AdoptedTopicCap),
        };
        foreach (var (name, _) in fields.Where(f => f.Value is null)) Add(name, Text("Rules.Required"));
        if (problems.Count > 0) return problems;
        var rules = new ScoringRules(form.AttendanceMaxPoints!.Value, form.PointsPerActivity!.Value, form.ActivityCapPerQuarter!.Value,
            form.PointsPerAdoptedTopic!.Value, form.AdoptedTopicCap!.Value);
        foreach (var code in rules.Validate())
        {
            var message = Message.Of<CouncilsText>(code);
            if (code == ScoringRules.ErrorNegative)
                foreach (var (name, _) in fields.Where(f => f.Value < 0)) Add(name, message);
            else if (code == ScoringRules.ErrorCapBelowPoints)
            {
                if (rules.ActivityCapPerQuarter < rules.PointsPerActivity) Add(nameof(form.ActivityCapPerQuarter), message);
                if (rules.AdoptedTopicCap < rules.PointsPerAdoptedTopic) Add(nameof(form.AdoptedTopicCap), message);
            }
            else Add(ReviewFields.Form, message);
        }
        return problems;
    }

    // ---- Carry-over -------------------------------------------------------------------------------------------------

    /// <summary>
    /// Carries the year's open council tasks into the next year, all at once, each with its reason (keyed by work item
    /// id). Refused, changing nothing, for non-managers, when a reason is missing or an item is not an open task of the
    /// year (errors under the items), and when someone carried one of them meanwhile. The value is the review as it is now.
    /// </summary>
    public async Task<Result<AnnualReviewView>> CarryOverAsync(int councilId, int year, IReadOnlyDictionary<int, string?> reasons, CancellationToken ct = default)
    {
        var (council, refused) = await ForChangeAsync(councilId, year, ct);
        if (refused is not null) return Result<AnnualReviewView>.From(refused);
        YearTasks tasks;
        await using (var db = await dbFactory.CreateDbContextAsync(ct)) tasks = await TasksAsync(db, council!, year, ct);
        var saved = await work.AddAllAsync<CarryOver>(
            allow: Managers(council!),
            create: caller =>
            {
                if (reasons.Keys.Any(tasks.CarriedIds.Contains)) return Result<IReadOnlyList<CarryOver>>.From(Result.Conflict(Text("Error.CarryConflict")));
                var unfinished = tasks.Unfinished.Select(t => t.Id).ToHashSet();
                if (unfinished.Count == 0 && reasons.Count == 0) return Result<IReadOnlyList<CarryOver>>.Invalid(Text("CarryOver.NothingToCarry"));
                var check = AnnualReview.CheckCarryOver(unfinished, reasons);
                if (check.Count > 0)
                    return Result<IReadOnlyList<CarryOver>>.Invalid(check.Select(e => new Problem(ReviewFields.Reason(e.Key), Message.Of<CouncilsText>(e.Value))).ToList());
                return Result<IReadOnlyList<CarryOver>>.Ok(AnnualReview.CarryOverRows(councilId, year, reasons, caller.UserId, clock.GetUtcNow().UtcDateTime));
            },
            within: (_, rows, db, ct) => RefuseCarriedTwiceAsync(db, councilId, year, rows, ct),
            ct: ct);
        // Carried meanwhile, found by the check before the save or by the one within it: the same words either way.
        if (saved.Outcome == Outcome.Conflict) saved = Result.Conflict(Text("Error.CarryConflict"));
        return await WithViewAsync(saved, council!, year, ct);
    }

    /// <summary>
    /// The check that a task is carried out of a year once, repeated inside the save's transaction: two managers carrying
    /// the same task at the same instant both passed the check before it. The council's row is locked first (a no-op
    /// update, as attendance does: PostgreSQL holds the row lock to the commit, SQLite's transaction holds the write lock
    /// from its first insert), so the second carry waits for the first and then sees its rows; it is then undone whole
    /// as a conflict.
    /// </summary>
    private static async Task RefuseCarriedTwiceAsync(PortalDbContext db, int councilId, int year, IReadOnlyList<CarryOver> rows, CancellationToken ct)
    {
        await db.Councils.Where(c => c.Id == councilId).ExecuteUpdateAsync(c => c.SetProperty(x => x.Version, x => x.Version), ct);
        var ids = rows.Select(r => r.WorkItemId).ToList();
        var stored = await db.CarryOvers.CountAsync(c => c.CouncilId == councilId && c.FromYear == year && ids.Contains(c.WorkItemId), ct);
        if (stored > rows.Count) throw new DbUpdateConcurrencyException("A task of this carry-over was carried out of the year meanwhile.");
    }

    /// <summary>
    /// The council of a review change, as the caller may view it (else not found), and a year that can be reviewed. The
    /// right to change the review is the command's own check, in the unit of work.
    /// </summary>
    private async Task<(Council? Council, Result? Refused)> ForChangeAsync(int councilId, int year, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, council) = await LoadAsync(db, councilId, ct);
        if (council is null) return (null, Result.NotFound(Text("Error.NotFound")));
        if (year < MinYear || year > CurrentYear) return (null, Result.Invalid(Text("Error.Year")));
        return (council, null);
    }

    /// <summary>Only the council's managers edit its rules and carry its tasks over.</summary>
    private static Func<Caller, Result?> Managers(Council council) =>
        caller => CouncilAccess.CanManage(caller.Policy, council) ? null : Result.NotAllowed(Text("Error.Forbidden"));

    /// <summary>A saved change with the review as it is now; a refusal as it is.</summary>
    private async Task<Result<AnnualReviewView>> WithViewAsync(Result saved, Council council, int year, CancellationToken ct)
    {
        if (!saved.Succeeded) return Result<AnnualReviewView>.From(saved);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return Result<AnnualReviewView>.Ok(await ViewAsync(db, await work.CallerAsync(ct), council, year, ct), saved.Id, saved.Version);
    }

    // ---- Project rating ---------------------------------------------------------------------------------------------

    /// <summary>
    /// The liaison of the unit that raised a project's need rates the project once its lead unit reported it done: the
    /// three-lists Rate step on the project (satisfied / fairly satisfied close the loop, "not satisfied" sends it back to
    /// the lead unit), written to its history and announced like every other step (the work items' handlers, in this save).
    /// </summary>
    public async Task<Result<RatedProject>> RateProjectAsync(int councilId, int projectId, Guid version, Satisfaction? rating, string? note,
        CancellationToken ct = default)
    {
        Council? council;
        await using (var db = await dbFactory.CreateDbContextAsync(ct)) (_, council) = await LoadAsync(db, councilId, ct);
        if (council is null) return Result<RatedProject>.NotFound(Text("Error.NotFound"));
        int? raisingUnit = null;
        return await work.ChangeAsync<WorkItem, RatedProject>(
            async (db, ct) =>
            {
                var communities = await CommunitiesAsync(db, council, ct);
                var project = await db.WorkItems.FirstOrDefaultAsync(w => w.Id == projectId && w.Kind == WorkItemKind.Project, ct);
                if (project is null || !communities.Contains(project.CommunityId)) return null;
                raisingUnit = (await RaisingUnitsAsync(db, council, [project.Id], ct)).TryGetValue(project.Id, out var unit) ? unit : null;
                return project;
            },
            version,
            allow: (caller, _) => raisingUnit is { } unit && caller.Policy.ScopesOf(PortalRole.UnitLiaison).Contains(unit)
                ? null : Result.NotAllowed(Text("Error.RateForbidden")),
            run: (caller, project, _) =>
            {
                if (rating is null || !Enum.IsDefined(rating.Value))
                    return Result.Invalid(ReviewFields.Rating, Message.Of<WorkItemWords>(WorkItemWorkflow.RatingRequired));
                var kept = UserText.MultiLineTrimmedOrNull(note);
                if (kept?.Length > WorkItemEvent.NoteMaxLength) return Result.Invalid(Text("Error.NoteTooLong", WorkItemEvent.NoteMaxLength));
                return project.Rate(new StepActor(caller.UserId, caller.Name), clock.GetUtcNow().UtcDateTime, rating, kept) is { } refused
                    ? Result.Invalid(Message.Of<WorkItemWords>(refused))
                    : null;
            },
            project => new RatedProject(project.Status, project.Rating),
            new CommandTexts(Text("Error.NotFound"), Text("Error.RateConflict")),
            ct: ct);
    }

    // ---- Reading ----------------------------------------------------------------------------------------------------

    private async Task<(Caller Caller, Council? Council)> LoadAsync(PortalDbContext db, int councilId, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        if (!caller.IsSignedIn) return (caller, null);
        var council = await db.Councils.AsNoTracking().Include(c => c.Members).SingleOrDefaultAsync(c => c.Id == councilId, ct);
        return council is not null && CouncilAccess.CanView(caller.Policy, council) ? (caller, council) : (caller, null);
    }

    /// <summary>The communities whose lists the council works on: its own, or every community of its street.</summary>
    private static async Task<List<int>> CommunitiesAsync(PortalDbContext db, Council council, CancellationToken ct) => council.CommunityId is { } c
        ? [c]
        : await db.Communities.AsNoTracking().Where(x => x.StreetId == council.StreetId).Select(x => x.Id).ToListAsync(ct);

    private static (DateTime Start, DateTime End) YearUtc(int year) =>
        (PortalTime.StartOfDayUtc(new DateOnly(year, 1, 1)), PortalTime.StartOfDayUtc(new DateOnly(year + 1, 1, 1)));

    private async Task<AnnualReviewView> ViewAsync(PortalDbContext db, Caller caller, Council council, int year, CancellationToken ct)
    {
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Attendances).Where(m => m.CouncilId == council.Id).ToListAsync(ct);
        var current = CurrentYear;
        var firstYear = meetings.Count == 0 ? current : Math.Min(current, meetings.Min(m => PortalTime.ToLocal(m.StartsAtUtc).Year));
        var years = Enumerable.Range(firstYear, current - firstYear + 1).Reverse().ToList();
        if (!years.Contains(year)) years = [.. years.Append(year).OrderDescending()];

        var communities = await CommunitiesAsync(db, council, ct);
        var rules = await RulesAsync(db, council.Id, year, ct);
        var unitNames = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        string? Unit(int? id) => id is { } u ? unitNames.GetValueOrDefault(u) : null;

        // Scores.
        var meetingIds = meetings.Select(m => m.Id).ToList();
        var topics = await db.Topics.AsNoTracking().Where(t => meetingIds.Contains(t.MeetingId)).ToListAsync(ct);
        var activities = await ActivitiesAsync(db, council, communities, year, ct);
        var records = AnnualReview.Records(year, meetings, council.Members, topics, activities, PortalTime.Zone);
        var byUnit = records.ToDictionary(r => r.UnitId);
        var scores = AnnualReview.Score(records, rules.Rules).Select(s =>
        {
            var r = byUnit[s.UnitId];
            return new UnitScoreRow(s.UnitId, Unit(s.UnitId) ?? "", r.MeetingsExpected, r.MeetingsAttended, r.ActivitiesPerQuarter, r.AdoptedTopics,
                s.AttendancePoints, s.ActivityPoints, s.TopicPoints, s.Total, s.Rank);
        }).ToList();

        // Projects.
        var (start, end) = YearUtc(year);
        var projects = await db.WorkItems.AsNoTracking()
            .Where(w => w.Kind == WorkItemKind.Project && communities.Contains(w.CommunityId) && w.Status != WorkItemStatus.Rejected
                && w.RaisedAtUtc < end && (w.ClosedAtUtc == null || w.ClosedAtUtc >= start))
            .OrderBy(w => w.RaisedAtUtc).ThenBy(w => w.Id).ToListAsync(ct);
        var projectIds = projects.Select(p => p.Id).ToList();
        var needs = await db.WorkItems.AsNoTracking().Where(w => w.ProjectId != null && projectIds.Contains(w.ProjectId.Value))
            .OrderBy(w => w.Id).ToListAsync(ct);
        var raising = await RaisingUnitsAsync(db, council, projectIds, ct);
        var liaisonOf = caller.Policy.ScopesOf(PortalRole.UnitLiaison);
        var projectRows = projects.Select(p =>
        {
            int? unit = raising.TryGetValue(p.Id, out var u) ? u : null;
            return new ProjectReviewRow(p.Id, p.Version, p.Title, p.Status, p.Project?.ProgressPercent ?? 0, Unit(p.OwnerUnitId), Unit(unit),
                needs.Where(n => n.ProjectId == p.Id).Select(n => new ProjectNeed(n.Id, n.Title, n.Status, n.Rating)).ToList(),
                p.Rating, p.RatedAtUtc, p.Status == WorkItemStatus.Reported && unit is { } raiser && liaisonOf.Contains(raiser));
        }).ToList();

        // Carry-over.
        var tasks = await TasksAsync(db, council, year, ct);
        var deciders = tasks.Carried.Select(c => c.Row.DecidedByUserId).OfType<string>().Distinct().ToList();
        var deciderNames = await db.Users.AsNoTracking().Where(u => deciders.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var unfinished = tasks.Unfinished.Select(t => new CarryCandidateRow(t.Id, t.Title, t.Status, Unit(t.OwnerUnitId), t.DueAtUtc, tasks.CarriedInIds.Contains(t.Id))).ToList();
        var carried = tasks.Carried.Select(c => new CarriedRow(c.Item.Id, c.Item.Title, c.Item.Status, Unit(c.Item.OwnerUnitId), c.Row.Reason,
            c.Row.DecidedByUserId is { } d ? deciderNames.GetValueOrDefault(d) : null, c.Row.DecidedAtUtc)).ToList();

        return new AnnualReviewView(council.Id, council.Name, year, years, CouncilAccess.CanManage(caller.Policy, council), rules,
            scores, projectRows, unfinished, carried);
    }

    /// <summary>The year's newest rule set; else the newest of the latest earlier year (rules carry on until edited); else the default.</summary>
    private static async Task<RuleSetView> RulesAsync(PortalDbContext db, int councilId, int year, CancellationToken ct)
    {
        var own = await db.CouncilScoringRuleSets.AsNoTracking().Where(r => r.CouncilId == councilId && r.Year == year)
            .OrderByDescending(r => r.Id).ToListAsync(ct);
        if (own.Count > 0) return new RuleSetView(own[0].ToRules(), RuleSource.ThisYear, year, own[0].Id, own[0].Version, own.Count);
        var earlier = await db.CouncilScoringRuleSets.AsNoTracking().Where(r => r.CouncilId == councilId && r.Year < year)
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        return earlier is not null
            ? new RuleSetView(earlier.ToRules(), RuleSource.EarlierYear, earlier.Year, null, null, 0)
            : new RuleSetView(ScoringRules.Default, RuleSource.Default, null, null, null, 0);
    }

    /// <summary>
    /// Activities per quarter, the current honest source (see the class comment): per member unit and local quarter, the
    /// distinct work items of the council's communities it owned and reported done in that quarter.
    /// </summary>
    private static async Task<IReadOnlyDictionary<int, int[]>> ActivitiesAsync(PortalDbContext db, Council council, List<int> communities, int year,
        CancellationToken ct)
    {
        var units = council.Members.Select(m => m.UnitId).OfType<int>().Distinct().ToList();
        var (start, end) = YearUtc(year);
        var reports = await (from e in db.WorkItemEvents.AsNoTracking()
                             join w in db.WorkItems.AsNoTracking() on e.WorkItemId equals w.Id
                             where e.Action == WorkItemAction.ReportBack && e.AtUtc >= start && e.AtUtc < end
                                   && communities.Contains(w.CommunityId) && w.OwnerUnitId != null && units.Contains(w.OwnerUnitId.Value)
                             select new { w.Id, Unit = w.OwnerUnitId!.Value, e.AtUtc }).ToListAsync(ct);
        return reports
            .Select(r => (r.Id, r.Unit, Quarter: (PortalTime.ToLocal(r.AtUtc).Month - 1) / 3))
            .Distinct()
            .GroupBy(r => r.Unit)
            .ToDictionary(g => g.Key, g =>
            {
                var quarters = new int[4];
                foreach (var r in g) quarters[r.Quarter]++;
                return quarters;
            });
    }

    /// <summary>
    /// The member unit that raised each project's need at the council: the proposer of the earliest topic of this council
    /// (not withdrawn) linked to one of the project's needs, else to the project itself. Projects no unit raised are absent.
    /// </summary>
    private static async Task<Dictionary<int, int>> RaisingUnitsAsync(PortalDbContext db, Council council, List<int> projectIds, CancellationToken ct)
    {
        if (projectIds.Count == 0) return [];
        var needs = await db.WorkItems.AsNoTracking().Where(w => w.ProjectId != null && projectIds.Contains(w.ProjectId.Value))
            .Select(w => new { w.Id, Project = w.ProjectId!.Value }).ToListAsync(ct);
        var linked = needs.Select(n => n.Id).Concat(projectIds).ToList();
        var topics = await (from t in db.Topics.AsNoTracking()
                            join m in db.Meetings.AsNoTracking() on t.MeetingId equals m.Id
                            where m.CouncilId == council.Id && t.WorkItemId != null && linked.Contains(t.WorkItemId.Value)
                                  && t.Status != TopicStatus.Withdrawn
                            orderby t.SubmittedAtUtc, t.Id
                            select new { WorkItemId = t.WorkItemId!.Value, t.ProposerUnitId }).ToListAsync(ct);
        var result = new Dictionary<int, int>();
        foreach (var project in projectIds)
        {
            var needIds = needs.Where(n => n.Project == project).Select(n => n.Id).ToHashSet();
            var topic = topics.FirstOrDefault(t => needIds.Contains(t.WorkItemId)) ?? topics.FirstOrDefault(t => t.WorkItemId == project);
            if (topic is not null) result[project] = topic.ProposerUnitId;
        }
        return result;
    }

    private sealed record YearTasks(List<WorkItem> Unfinished, HashSet<int> CarriedIds, HashSet<int> CarriedInIds, List<(CarryOver Row, WorkItem Item)> Carried);

    /// <summary>
    /// The council tasks of the year: work items of resolutions of the council's meetings held in the year, and those
    /// carried into the year from the one before. Unfinished = still open and not yet carried from this year.
    /// </summary>
    private static async Task<YearTasks> TasksAsync(PortalDbContext db, Council council, int year, CancellationToken ct)
    {
        var resolutions = await (from r in db.Resolutions.AsNoTracking()
                                 join m in db.Meetings.AsNoTracking() on r.MeetingId equals m.Id
                                 where m.CouncilId == council.Id && r.WorkItemId != null
                                 select new { WorkItemId = r.WorkItemId!.Value, m.StartsAtUtc, m.StartedAtUtc }).ToListAsync(ct);
        var ofYear = resolutions.Where(r => PortalTime.ToLocal(r.StartedAtUtc ?? r.StartsAtUtc).Year == year).Select(r => r.WorkItemId).ToHashSet();
        var carryRows = await db.CarryOvers.AsNoTracking().Where(c => c.CouncilId == council.Id && (c.FromYear == year || c.FromYear == year - 1))
            .OrderBy(c => c.Id).ToListAsync(ct);
        var carriedIn = carryRows.Where(c => c.FromYear == year - 1).Select(c => c.WorkItemId).ToHashSet();
        var carriedOut = carryRows.Where(c => c.FromYear == year).ToList();
        var ids = ofYear.Concat(carriedIn).Concat(carriedOut.Select(c => c.WorkItemId)).Distinct().ToList();
        var items = await db.WorkItems.AsNoTracking().Where(w => ids.Contains(w.Id) && w.Kind == WorkItemKind.CouncilTask).ToDictionaryAsync(w => w.Id, ct);
        var carriedIds = carriedOut.Select(c => c.WorkItemId).ToHashSet();
        var unfinished = ofYear.Concat(carriedIn).Distinct()
            .Where(id => !carriedIds.Contains(id) && items.TryGetValue(id, out var w) && WorkItemWorkflow.IsOpen(w.Status))
            .Select(id => items[id]).OrderBy(w => w.DueAtUtc ?? DateTime.MaxValue).ThenBy(w => w.Id).ToList();
        var carried = carriedOut.Where(c => items.ContainsKey(c.WorkItemId)).Select(c => (c, items[c.WorkItemId])).ToList();
        return new YearTasks(unfinished, carriedIds, carriedIn, carried);
    }
}
