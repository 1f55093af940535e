using Microsoft.EntityFrameworkCore;
using Portal.Domain.Councils;
using Portal.Domain.Text;
using Portal.Domain.WorkItems;
using Portal.Web.Data;
using Portal.Domain.Access;
using Portal.Web.Components.Shared;
using Portal.Web.Components.Shared.Export;
using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Commands;
using Portal.Web.Kit.Results;
using Portal.Web.Features.Localization;

namespace Portal.Web.Features.Councils.Minutes;

/// <summary>
/// After the meeting: the resolutions (会议决定事项), the minutes draft (会议纪要) and its approval, which turns every
/// resolution into a council task on the one work-item lifecycle. Rights come from <see cref="CouncilAccess"/> only:
/// editing resolutions, the draft and approving need <see cref="MeetingRights.CanRecord"/>; which minutes the caller reads
/// is <see cref="CouncilAccess.MinutesEditionFor"/>'s: the full record for those who take part in the meeting, the public
/// version of approved minutes (written from the record by <see cref="MinutesWriter"/>, never the approved free text) for
/// anyone else who may view the council (decision 0016). A meeting the caller may not read is reported as not found. Every change carries the
/// meeting's <see cref="Portal.Domain.Common.VersionedEntity.Version"/> as the caller saw it, so two recorders never
/// overwrite each other silently. Scoped.
/// </summary>
public sealed class MinutesService(
    IDbContextFactory<PortalDbContext> dbFactory,
    CallerScope callers,
    UnitOfWork work,
    TimeProvider clock)
{
    private static readonly CommandTexts Texts = new(Text("Error.NotFound"), Text("Error.Conflict"));

    private static Message Text(string key, params object[] args) => Message.Of<MinutesText>(key, args);

    /// <summary>Generous for a Markdown 会议纪要 (a long meeting's minutes are a few thousand characters).</summary>
    public const int DraftMaxLength = 50_000;

    /// <summary>How many open tasks the council page lists beside its counts.</summary>
    public const int OpenTasksShown = 10;

    // ---- Reading ---------------------------------------------------------------------------------------------------

    /// <summary>The minutes page; null when the meeting does not exist or the caller may not read its minutes.</summary>
    public async Task<MinutesView?> GetAsync(int meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await callers.GetAsync(ct);
        var access = await CouncilAccess.LoadMeetingAsync(db, caller, meetingId, ct);
        if (access is null || CouncilAccess.MinutesEditionFor(access.Rights, access.Meeting.Status) is not { } edition) return null;
        var (council, meeting, rights) = access;
        var day = CouncilAccess.DayOf(meeting);
        var names = await NamesAsync(db, council, meeting, day, ct);
        var resolutions = await ResolutionRowsAsync(db, meeting, names, ct);
        if (edition == MinutesEdition.Public)
            return new MinutesView(
                meeting.Id, meeting.Version, council.Id, council.Name, meeting.Title, meeting.Status, meeting.StartsAtUtc, day,
                false, false, false, await DraftAsync(db, council, meeting, MinutesEdition.Public, ct), resolutions, [], [], [], edition);
        var memberUnits = CouncilRoster.MemberUnitsOn(council.Members, day);
        var editable = rights.CanRecord && meeting.TakesMinutes;
        return new MinutesView(
            meeting.Id, meeting.Version, council.Id, council.Name, meeting.Title, meeting.Status, meeting.StartsAtUtc, day,
            editable, editable, rights.CanRecord && meeting.Status == MeetingStatus.Ended, meeting.MinutesMarkdown, resolutions,
            memberUnits.Select(u => new Option(u, names.Units.GetValueOrDefault(u) ?? $"#{u}")).OrderBy(o => o.Name, StringComparer.Ordinal).ToList(),
            meeting.AgendaItems.OrderBy(i => i.Position).Select(i => new AgendaOption(i.Number, i.Title)).ToList(),
            ChaserIds(council, meeting, day).Select(p => new Option(p, names.People.GetValueOrDefault(p) ?? $"#{p}")).ToList(), edition);
    }

    /// <summary>The Markdown draft written from the meeting's record now (not saved: the recorder edits and saves it).</summary>
    public async Task<string?> GenerateDraftAsync(int meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await callers.GetAsync(ct);
        var access = await CouncilAccess.LoadMeetingAsync(db, caller, meetingId, ct);
        if (access is null || !access.Rights.CanRecord || !access.Meeting.TakesMinutes) return null;
        return await DraftAsync(db, access.Council, access.Meeting, MinutesEdition.Full, ct);
    }

    /// <summary>
    /// The minutes for printing and for the Word document, in the edition the caller reads — or the public one when
    /// <paramref name="edition"/> asks for it (a participant checking what residents see; nobody gets more than their
    /// own edition). Null when the caller may not read them.
    /// </summary>
    public async Task<MinutesPrintView?> PrintAsync(int meetingId, MinutesEdition? edition = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await callers.GetAsync(ct);
        var access = await CouncilAccess.LoadMeetingAsync(db, caller, meetingId, ct);
        if (access is null || CouncilAccess.MinutesEditionFor(access.Rights, access.Meeting.Status) is not { } allowed) return null;
        var (council, meeting, _) = access;
        var shown = edition == MinutesEdition.Public ? MinutesEdition.Public : allowed;
        var day = CouncilAccess.DayOf(meeting);
        var names = await NamesAsync(db, council, meeting, day, ct);
        var markdown = shown == MinutesEdition.Full && !string.IsNullOrWhiteSpace(meeting.MinutesMarkdown)
            ? meeting.MinutesMarkdown
            : await DraftAsync(db, council, meeting, shown, ct);
        return new MinutesPrintView(meeting.Id, council.Name, meeting.Title, meeting.Status == MeetingStatus.MinutesApproved, markdown,
            SafeMarkdown.ToHtml(markdown), await ResolutionRowsAsync(db, meeting, names, ct),
            meeting.RecorderPersonId is { } r ? names.People.GetValueOrDefault(r) : null, shown);
    }

    /// <summary>
    /// The formal Word 会议纪要 of approved minutes (see <see cref="MinutesDocument"/>): not found when the caller may not read
    /// them, invalid while they are not approved yet (a draft is not a formal document).
    /// </summary>
    public async Task<Result<MinutesFile>> DocxAsync(int meetingId, MinutesEdition? edition = null,
        CancellationToken ct = default)
    {
        var view = await PrintAsync(meetingId, edition, ct);
        if (view is null) return Result<MinutesFile>.NotFound(Texts.NotFound);
        if (!view.IsApproved) return Result<MinutesFile>.Invalid(Text("Print.Draft"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var approval = await ApprovalAsync(db, meetingId, ct);
        var labels = new MinutesDocument.Labels(
            Official("Docx.ResolutionsHeading"), Official("Docx.Number"), Official("Docx.Decision"), Official("Docx.Owner"), Official("Docx.CoOwners"),
            Official("Docx.DueDate"), Official("Docx.Chaser"), Official("Docx.None"), d => $"{d.Year}年{d.Month}月{d.Day}日");
        var line = approval is { } a
            ? string.Format(System.Globalization.CultureInfo.InvariantCulture, Official("Docx.ApprovedBy"), a.Name, $"{a.Day.Year}年{a.Day.Month}月{a.Day.Day}日")
            : Official("Docx.Approved");
        var document = MinutesDocument.From(view.CouncilName + Official("Docx.TitleSuffix"), view.Markdown, view.Resolutions, line, labels);
        var start = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => m.StartsAtUtc).SingleAsync(ct);
        var fileName = $"{view.Title}-{Official("Docx.TitleSuffix")}{(view.Edition == MinutesEdition.Public ? Official("Docx.PublicSuffix") : "")}-{PortalTime.ToLocal(start):yyyyMMdd}";
        return Result<MinutesFile>.Ok(new MinutesFile(DocumentWriter.ToDocx(document), fileName));
    }

    // The minutes are an official Chinese document: its fixed wording is Chinese whatever the reader's UI language, like
    // the draft MinutesWriter writes.
    private static readonly System.Resources.ResourceManager OfficialText = new(typeof(MinutesText));

    private static string Official(string key) =>
        OfficialText.GetString(key, System.Globalization.CultureInfo.GetCultureInfo("zh-CN")) ?? key;

    /// <summary>
    /// Who approved the minutes and on which local day, from the audit log: the approval is the last status change of an
    /// approved meeting (the workflow has no step after it). Null when the log has no such entry by a signed-in user (e.g.
    /// seeded data, saved by the system on the day of seeding rather than by the approver on the day of approval).
    /// </summary>
    private static async Task<(string Name, DateOnly Day)?> ApprovalAsync(PortalDbContext db, int meetingId, CancellationToken ct)
    {
        var id = meetingId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entry = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(Meeting) && e.EntityId == id && e.Changes.Contains("\"Status\""))
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).FirstOrDefaultAsync(ct);
        if (entry?.UserId is not { } userId) return null;
        var name = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => db.People.Where(p => p.Id == u.PersonId).Select(p => p.Name).FirstOrDefault()).FirstOrDefaultAsync(ct);
        return (name ?? entry.UserName, DateOnly.FromDateTime(PortalTime.ToLocal(entry.AtUtc)));
    }

    /// <summary>The minutes written from the meeting's stored record, in the given edition (the one writer of both).</summary>
    internal static async Task<string> DraftAsync(PortalDbContext db, Council council, Meeting meeting, MinutesEdition edition, CancellationToken ct)
    {
        var full = await db.Meetings.AsNoTracking().Include(m => m.Attendances).Include(m => m.AgendaItems)
            .Include(m => m.Resolutions).ThenInclude(r => r.CoOwners).SingleAsync(m => m.Id == meeting.Id, ct);
        var personIds = full.Attendances.Select(a => a.PersonId).Concat(new[] { full.ChairPersonId, full.RecorderPersonId }.OfType<int>()).Distinct().ToList();
        var unitIds = full.Attendances.Select(a => a.UnitId).OfType<int>()
            .Concat(full.Resolutions.SelectMany(r => r.CoOwners.Select(c => c.UnitId).Append(r.OwnerUnitId))).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var record = MinutesRecord.FromMeeting(full, council.Name, council.DefaultLocation, people, units);
        return MinutesWriter.Draft(record, PortalTime.Zone, edition);
    }

    private sealed record Names(Dictionary<int, string> Units, Dictionary<int, string> People);

    private static async Task<Names> NamesAsync(PortalDbContext db, Council council, Meeting meeting, DateOnly day, CancellationToken ct)
    {
        var unitIds = council.Members.Select(m => m.UnitId).OfType<int>().ToList();
        unitIds.AddRange(await db.Resolutions.AsNoTracking().Where(r => r.MeetingId == meeting.Id).Select(r => r.OwnerUnitId).ToListAsync(ct));
        unitIds.AddRange(await db.ResolutionCoOwners.AsNoTracking()
            .Where(c => db.Resolutions.Any(r => r.Id == c.ResolutionId && r.MeetingId == meeting.Id)).Select(c => c.UnitId).ToListAsync(ct));
        var personIds = ChaserIds(council, meeting, day).ToList();
        personIds.AddRange(await db.Resolutions.AsNoTracking().Where(r => r.MeetingId == meeting.Id && r.ChaserPersonId != null)
            .Select(r => r.ChaserPersonId!.Value).ToListAsync(ct));
        if (meeting.RecorderPersonId is { } recorder) personIds.Add(recorder);
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return new Names(units, people);
    }

    /// <summary>
    /// Who may chase a resolution (督办人): the people with a seat that day (secretariat, chair, deputies, unit leaders and
    /// liaisons) and the meeting's chair and recorder — the council's own people, never someone from outside it.
    /// </summary>
    private static IReadOnlyList<int> ChaserIds(Council council, Meeting meeting, DateOnly day)
    {
        var seats = council.Members.Where(m => m.IsSittingOn(day)).OrderBy(m => m.Role).ThenBy(m => m.Id).ToList();
        return seats.Select(m => m.PersonId).Concat(seats.Select(m => m.LiaisonPersonId))
            .Concat(new[] { meeting.ChairPersonId, meeting.RecorderPersonId }).OfType<int>().Distinct().ToList();
    }

    private static async Task<List<ResolutionRow>> ResolutionRowsAsync(PortalDbContext db, Meeting meeting, Names names, CancellationToken ct)
    {
        var rows = await db.Resolutions.AsNoTracking().Include(r => r.CoOwners).Where(r => r.MeetingId == meeting.Id).OrderBy(r => r.Id).ToListAsync(ct);
        var items = meeting.AgendaItems.ToDictionary(i => i.Number, i => i.Title);
        string Unit(int id) => names.Units.GetValueOrDefault(id) ?? $"#{id}";
        return rows.Select(r => new ResolutionRow(
            r.Id, r.AgendaItemNumber, r.AgendaItemNumber is { } n ? items.GetValueOrDefault(n) : null, r.Decision, r.OwnerUnitId, Unit(r.OwnerUnitId),
            r.CoOwners.Select(c => c.UnitId).ToList(), r.CoOwners.Select(c => Unit(c.UnitId)).ToList(), r.DueDate,
            r.ChaserPersonId, r.ChaserPersonId is { } p ? names.People.GetValueOrDefault(p) ?? $"#{p}" : null, r.WorkItemId)).ToList();
    }

    // ---- Changing --------------------------------------------------------------------------------------------------

    /// <summary>
    /// One change of a meeting's minutes through the unit of work: the meeting (tracked, with its agenda and resolutions)
    /// and its council are loaded for the caller, with what <paramref name="prepare"/> reads beside them; a meeting whose
    /// minutes the caller may not read is not found, one they may read but not record is refused; <paramref name="run"/>
    /// applies the rule to the meeting as the caller saw it (<paramref name="version"/>), and one save stores it.
    /// </summary>
    private async Task<Result<MinutesState>> ChangeAsync(int meetingId, Guid version, Func<Caller, MeetingAccess, PortalDbContext, Result?> run,
        CancellationToken ct, Func<PortalDbContext, MeetingAccess, CancellationToken, Task>? prepare = null)
    {
        var caller = await work.CallerAsync(ct);
        MeetingAccess? access = null;
        return await work.ChangeAsync<Meeting, MinutesState>(
            async (db, ct) =>
            {
                access = await CouncilAccess.LoadMeetingAsync(db, caller, meetingId, ct, tracked: true);
                if (access is null) return null;
                await db.Entry(access.Meeting).Collection(m => m.Resolutions).Query().Include(r => r.CoOwners).LoadAsync(ct);
                if (prepare is not null) await prepare(db, access, ct);
                return access.Meeting;
            },
            version,
            allow: (_, meeting) => CouncilAccess.MinutesEditionFor(access!.Rights, meeting.Status) is null ? Result.NotFound(Texts.NotFound)
                : access.Rights.CanRecord ? null
                : Result.NotAllowed(Text("Error.Forbidden")),
            run: (runner, _, db) => run(runner, access!, db),
            meeting => new MinutesState(meeting.Status, meeting.MinutesMarkdown),
            Texts, ct: ct);
    }

    /// <summary>The meeting's refusal (a workflow code), if any.</summary>
    private static Result? Refusal(string? code) => code is null ? null : Result.Invalid(Message.Of<CouncilsText>(code));

    /// <summary>Adds a resolution, or changes one (<see cref="ResolutionForm.Id"/>), while the meeting is on or has ended.</summary>
    public Task<Result<MinutesState>> SaveResolutionAsync(int meetingId, Guid version, ResolutionForm form, CancellationToken ct = default) =>
        ChangeAsync(meetingId, version, (_, access, _) =>
        {
            var (council, meeting, _) = access;
            Resolution? resolution = null;
            if (form.Id is { } id && (resolution = meeting.Resolutions.FirstOrDefault(r => r.Id == id)) is null)
                return Result.NotFound(Text("Error.ResolutionNotFound"));
            var day = CouncilAccess.DayOf(meeting);
            var memberUnits = CouncilRoster.MemberUnitsOn(council.Members, day);
            var coOwners = form.CoOwnerUnitIds.Distinct().ToList();
            var values = new ResolutionValues(UserText.MultiLineTrimmed(form.Decision), form.AgendaItemNumber, form.OwnerUnitId ?? 0, coOwners,
                form.DueDate is { } due ? DateOnly.FromDateTime(due) : DateOnly.MinValue, form.ChaserPersonId);

            var problems = new List<Problem>();
            void Add(string field, Message message)
            {
                if (problems.All(p => p.Field != field)) problems.Add(new Problem(field, message));
            }
            foreach (var code in values.Validate(day))
            {
                var field = code switch
                {
                    Resolution.ErrorDecisionRequired => MinutesFields.Decision,
                    Resolution.ErrorOwnerRequired => MinutesFields.Owner,
                    Resolution.ErrorOwnerAlsoCoOwner => MinutesFields.CoOwners,
                    _ => MinutesFields.DueDate,
                };
                Add(field, field == MinutesFields.DueDate && form.DueDate is null ? Text("Validation.DueDateRequired") : Message.Of<CouncilsText>(code));
            }
            // Only the council's own member units answer for its decisions.
            if (values.OwnerUnitId > 0 && !memberUnits.Contains(values.OwnerUnitId)) Add(MinutesFields.Owner, Text("Validation.UnitNotMember"));
            if (coOwners.Any(u => !memberUnits.Contains(u))) Add(MinutesFields.CoOwners, Text("Validation.UnitNotMember"));
            if (form.AgendaItemNumber is { } number && meeting.AgendaItems.All(i => i.Number != number))
                Add(MinutesFields.AgendaItem, Text("Validation.AgendaItemUnknown"));
            if (form.ChaserPersonId is { } chaser && !ChaserIds(council, meeting, day).Contains(chaser))
                Add(MinutesFields.Chaser, Text("Validation.ChaserUnknown"));
            if (problems.Count > 0) return Result.Invalid(problems);
            return Refusal(meeting.SaveResolution(resolution, values));
        }, ct);

    public Task<Result<MinutesState>> DeleteResolutionAsync(int meetingId, Guid version, int resolutionId, CancellationToken ct = default) =>
        ChangeAsync(meetingId, version, (_, access, db) =>
        {
            var resolution = access.Meeting.Resolutions.FirstOrDefault(r => r.Id == resolutionId);
            if (resolution is null) return Result.NotFound(Text("Error.ResolutionNotFound"));
            if (Refusal(access.Meeting.RemoveResolution(resolution)) is { } refused) return refused;
            db.Resolutions.Remove(resolution);
            return null;
        }, ct);

    /// <summary>Saves the recorder's edited draft.</summary>
    public Task<Result<MinutesState>> SaveDraftAsync(int meetingId, Guid version, string? markdown, CancellationToken ct = default) =>
        ChangeAsync(meetingId, version, (_, access, _) =>
            DraftProblem(markdown, required: false) ?? Refusal(access.Meeting.SaveMinutesDraft(Normalize(markdown))), ct);

    /// <summary>
    /// 审定: saves the text as shown, approves the minutes (<see cref="Meeting.ApproveMinutes"/>, which alone decides whether
    /// they may be: a second approval is refused by the workflow) and turns every resolution into a council task dispatched
    /// to its owner unit — all in one transaction (the work items' handler of <see cref="MinutesApproved"/> adds the tasks),
    /// so either the minutes are approved with all their tasks, the meeting's live channel hearing the new status and the
    /// owner units notified like for any dispatch, or nothing changed.
    /// </summary>
    public Task<Result<MinutesState>> ApproveAsync(int meetingId, Guid version, string? markdown, CancellationToken ct = default)
    {
        IReadOnlyList<ResolutionTask> tasks = [];
        return ChangeAsync(meetingId, version, (caller, access, _) =>
                DraftProblem(markdown, required: true)
                ?? Refusal(access.Meeting.ApproveMinutes(Normalize(markdown), tasks, new StepActor(caller.UserId, caller.Name), clock.GetUtcNow().UtcDateTime).ErrorCode),
            ct, prepare: async (db, access, ct) => tasks = await PendingTasksAsync(db, access.Council, access.Meeting, ct));
    }

    /// <summary>
    /// 审定 as the demo data does it, the same way as <see cref="ApproveAsync"/> without its checks of the caller: approves the
    /// meeting with the text as shown (<see cref="Meeting.ApproveMinutes"/>), handing every resolution not yet made a task to
    /// the work-item lifecycle, by <paramref name="approvedBy"/> at <paramref name="nowUtc"/>. Saves nothing: the save that
    /// stores the approval adds the tasks and links the resolutions to them. The meeting must be tracked with its agenda and
    /// its resolutions (with co-owners). Returns the resolutions that become tasks, or null with the workflow's error code
    /// when the minutes may not be approved.
    /// </summary>
    internal static async Task<(IReadOnlyList<Resolution>? Resolutions, string? ErrorCode)> ApproveRecordAsync(PortalDbContext db, Council council,
        Meeting meeting, string markdown, StepActor approvedBy, DateTime nowUtc, CancellationToken ct)
    {
        var pending = Pending(meeting);
        var transition = meeting.ApproveMinutes(Normalize(markdown), await PendingTasksAsync(db, council, meeting, ct), approvedBy, nowUtc);
        return transition.Allowed ? (pending, null) : (null, transition.ErrorCode);
    }

    /// <summary>The resolutions not yet made a task, in the order they were recorded.</summary>
    private static List<Resolution> Pending(Meeting meeting) => meeting.Resolutions.Where(r => r.WorkItemId is null).OrderBy(r => r.Id).ToList();

    /// <summary>What each resolution not yet made a task hands the work-item lifecycle on approval.</summary>
    private static Task<List<ResolutionTask>> PendingTasksAsync(PortalDbContext db, Council council, Meeting meeting, CancellationToken ct) =>
        TaskSpecsAsync(db, council, meeting, Pending(meeting), ct);

    // The task's text is stored data, like the minutes: in the portal's default language whoever approves.
    private static string Official(string key, params object[] args) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Official(key), args);

    private static async Task<List<ResolutionTask>> TaskSpecsAsync(PortalDbContext db, Council council, Meeting meeting, List<Resolution> resolutions, CancellationToken ct)
    {
        var unitIds = resolutions.Select(r => r.OwnerUnitId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        // A street council's task belongs to the owner unit's community, else to the street's first community: work items
        // always live in a community (its secretaries manage and chase them).
        var streetCommunity = await db.Communities.AsNoTracking().Where(c => c.StreetId == council.StreetId).OrderBy(c => c.Id)
            .Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        var chaserIds = resolutions.Select(r => r.ChaserPersonId).OfType<int>().Distinct().ToList();
        var chasers = await db.People.AsNoTracking().Where(p => chaserIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var items = meeting.AgendaItems.ToDictionary(i => i.Number, i => i.Title);
        var link = MeetingPaths.Minutes(meeting.Id);
        return resolutions.Select(r =>
        {
            var community = council.CommunityId ?? units.GetValueOrDefault(r.OwnerUnitId)?.CommunityId ?? streetCommunity
                ?? throw new InvalidOperationException($"Council {council.Id} has no community for its tasks");
            var lines = new List<string> { r.Decision, "", Official("Task.Source", LinkText(council.Name), LinkText(meeting.Title), link) };
            if (r.AgendaItemNumber is { } n && items.TryGetValue(n, out var item)) lines.Add(Official("Task.AgendaItem", item));
            if (r.ChaserPersonId is { } c) lines.Add(Official("Task.Chaser", chasers.GetValueOrDefault(c) ?? $"#{c}"));
            return new ResolutionTask(r.Id, community, TitleOf(r.Decision), string.Join("\n", lines), r.OwnerUnitId,
                r.CoOwners.Select(x => x.UnitId).ToList(), r.DueDate);
        }).ToList();
    }

    // Brackets in a name would end the Markdown link text early.
    private static string LinkText(string text) => text.Replace('[', '［').Replace(']', '］');

    /// <summary>The task's title: the decision's first line, shortened with an ellipsis to fit.</summary>
    internal static string TitleOf(string decision)
    {
        var line = decision.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return line.Length <= WorkItem.TitleMaxLength ? line : line[..(WorkItem.TitleMaxLength - 1)] + "…";
    }

    /// <summary>Checks the text as <see cref="Normalize"/> keeps it: invisible characters only are no text.</summary>
    private static Result? DraftProblem(string? markdown, bool required)
    {
        var length = UserText.MultiLine(markdown).TrimEnd().Length;
        if (required && length == 0) return Result.Invalid(MinutesFields.Draft, Text("Validation.DraftRequired"));
        if (length > DraftMaxLength) return Result.Invalid(MinutesFields.Draft, Text("Validation.DraftTooLong", DraftMaxLength));
        return null;
    }

    /// <summary>The text as kept: cleaned as lines, trailing blank lines made one line end; null when nothing visible is left.</summary>
    private static string? Normalize(string? markdown) => UserText.MultiLine(markdown).TrimEnd() is { Length: > 0 } text ? text + "\n" : null;

    // ---- The council page's tasks ----------------------------------------------------------------------------------

    /// <summary>
    /// The council's tasks (work items made from its meetings' resolutions): created this year, open, closed, and the
    /// overdue ones with the latest reason on record (a progress note, a chase, a decline). Null when the caller may not
    /// view the council. The decisions are in the approved minutes, which everyone who may view the council may read.
    /// </summary>
    public async Task<CouncilTasksView?> TasksAsync(int councilId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await callers.GetAsync(ct);
        if (!caller.IsSignedIn) return null;
        var council = await db.Councils.AsNoTracking().SingleOrDefaultAsync(c => c.Id == councilId, ct);
        if (council is null || !CouncilAccess.CanView(caller.Policy, council)) return null;

        var now = clock.GetUtcNow().UtcDateTime;
        var year = PortalTime.ToLocal(now).Year;
        var yearStart = PortalTime.StartOfDayUtc(new DateOnly(year, 1, 1));
        var taskIds = db.Resolutions.Where(r => r.WorkItemId != null && db.Meetings.Any(m => m.Id == r.MeetingId && m.CouncilId == councilId))
            .Select(r => r.WorkItemId!.Value);
        var tasks = await db.WorkItems.AsNoTracking().Where(w => w.Kind == WorkItemKind.CouncilTask && taskIds.Contains(w.Id))
            .Select(w => new { w.Id, w.Title, w.Status, w.OwnerUnitId, w.DueAtUtc, w.RaisedAtUtc })
            .ToListAsync(ct);
        var open = tasks.Where(t => WorkItemWorkflow.IsOpen(t.Status)).ToList();
        // Late while the owner still owes it: once reported back it waits on the community, not on them.
        var overdue = open.Where(t => t.DueAtUtc < now && t.Status is not (WorkItemStatus.Reported or WorkItemStatus.Rated))
            .OrderBy(t => t.DueAtUtc).ToList();
        var unitIds = tasks.Select(t => t.OwnerUnitId).OfType<int>().Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var overdueIds = overdue.Select(t => t.Id).ToList();
        var reasons = (await db.WorkItemEvents.AsNoTracking()
                .Where(e => overdueIds.Contains(e.WorkItemId) && e.Note != null)
                .Select(e => new { e.WorkItemId, e.Note, e.AtUtc, e.Id }).ToListAsync(ct))
            .GroupBy(e => e.WorkItemId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).First());

        CouncilTaskRow Row(int id)
        {
            var t = tasks.Single(x => x.Id == id);
            var reason = reasons.GetValueOrDefault(id);
            // A task is due at the end of its last day (the start of the next one): show that day, as the minutes do.
            DateOnly? due = t.DueAtUtc is { } d ? DateOnly.FromDateTime(PortalTime.ToLocal(d.AddTicks(-1))) : null;
            return new CouncilTaskRow(t.Id, t.Title, t.Status, t.OwnerUnitId is { } u ? units.GetValueOrDefault(u) : null, due, reason?.Note, reason?.AtUtc);
        }
        return new CouncilTasksView(year,
            tasks.Count(t => t.RaisedAtUtc >= yearStart),
            open.Count,
            tasks.Count(t => t.Status == WorkItemStatus.Closed),
            overdue.Select(t => Row(t.Id)).ToList(),
            open.OrderByDescending(t => t.RaisedAtUtc).ThenByDescending(t => t.Id).Take(OpenTasksShown).Select(t => Row(t.Id)).ToList());
    }
}
