using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Announcements;
using Portal.Domain.Common;
using Portal.Domain.Text;
using Portal.Web.Data;
using Portal.Web.Data.Live;
using Portal.Web.Components.Shared;
using Portal.Web.Kit.Live;
using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Commands;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Announcements;

/// <summary>
/// Community announcements: members read the published ones of their communities; the community's secretary and
/// the street's administrators write, publish, withdraw and delete them. Every change of what members can see is
/// raised by the announcement itself and goes out on the community's live channel in the same transaction
/// (<see cref="AnnouncementLiveEvents"/>), so open pages and header bells update without a reload.
/// Audit entries are written by the database context on save. Scoped.
/// </summary>
public sealed class AnnouncementService(
    IDbContextFactory<PortalDbContext> dbFactory,
    CallerScope callers,
    UnitOfWork work,
    AnnouncementReadNotifier readNotifier,
    TimeProvider clock)
{
    /// <summary>What the announcement commands' refusals say.</summary>
    private static readonly CommandTexts Texts = new(
        Text("Error.NotFound"), Text("Error.Conflict"), Text("Error.ConflictDeleted"));

    private static Message Text(string key, params object[] args) => Message.Of<AnnouncementsText>(key, args);

    /// <summary>The communities whose live channel the user receives (the bell and the list subscribe to these).</summary>
    public async Task<IReadOnlyList<int>> CommunitiesAsync(CancellationToken ct = default) => (await callers.GetAsync(ct)).Visible;

    /// <summary>Communities the user may write announcements for, for the editor's choice.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> ManagedCommunitiesAsync(CancellationToken ct = default)
    {
        var managed = (await callers.GetAsync(ct)).Managed;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Communities.AsNoTracking()
            .Where(c => managed.Contains(c.Id))
            .OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name })
            .ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Name)).ToList();
    }

    public async Task<bool> CanWriteAnyAsync(CancellationToken ct = default) => (await callers.GetAsync(ct)).Managed.Count > 0;

    /// <summary>
    /// Announcements of the user's communities, newest first with pinned ones on top. Members see published ones;
    /// managers also see drafts and withdrawn ones of the communities they manage.
    /// </summary>
    public async Task<AnnouncementList> ListAsync(AnnouncementQuery query, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        if (caller.UserId is null) return new AnnouncementList([], 0);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = Readable(db, caller);
        if (query.Term is { } term)
        {
            var lowered = term.ToLower();
            rows = rows.Where(a => a.Title.ToLower().Contains(lowered) || a.BodyMarkdown.ToLower().Contains(lowered));
        }
        var total = await rows.CountAsync(ct);
        var items = await ToRows(db, caller, Ordered(rows).Skip(query.SafeSkip).Take(query.SafeTake)).ToListAsync(ct);
        return new AnnouncementList(items, total);
    }

    /// <summary>The unread count of published announcements in the user's communities, and the latest few of them.</summary>
    public async Task<UnreadSummary> UnreadAsync(int latest = 5, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        if (caller.UserId is null) return new UnreadSummary(0, []);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = caller.Visible;
        var published = db.Announcements.AsNoTracking()
            .Where(a => visible.Contains(a.CommunityId) && a.Status == AnnouncementStatus.Published);
        var userId = caller.UserId;
        var count = await published.CountAsync(a => !db.AnnouncementReads.Any(r => r.AnnouncementId == a.Id && r.UserId == userId), ct);
        var items = await ToRows(db, caller, published
                .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
                .Take(Math.Clamp(latest, 1, 20)))
            .ToListAsync(ct);
        return new UnreadSummary(count, items);
    }

    /// <summary>Opens an announcement for reading and marks it read; null when it does not exist or the user may not see it.</summary>
    public async Task<AnnouncementView?> OpenAsync(int id, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        if (caller.UserId is null) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await Readable(db, caller)
            .Where(a => a.Id == id)
            .Select(a => new { Announcement = a, Community = db.Communities.Where(c => c.Id == a.CommunityId).Select(c => c.Name).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var a = row.Announcement;
        if (a.IsPublished)
        {
            await MarkReadAsync(db, a.Id, caller.UserId, ct);
            // Also when it was already marked (e.g. while the page was prerendered): the circuit's bell may not know yet.
            await readNotifier.NotifyAsync();
        }
        return new AnnouncementView(a.Id, a.CommunityId, row.Community ?? "", a.Title, SafeMarkdown.ToHtml(a.BodyMarkdown), a.IsPinned, a.Status,
            a.PublishedAtUtc, a.AuthorName, a.Version, caller.Manages(a.CommunityId));
    }

    /// <summary>The announcement as its editor loads it; null unless the user manages its community.</summary>
    public async Task<AnnouncementForm?> GetForEditAsync(int id, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.Announcements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return a is not null && caller.Manages(a.CommunityId) ? ToForm(a) : null;
    }

    /// <summary>
    /// Creates or changes an announcement; with <paramref name="publish"/>, also publishes it. Invalid input and a
    /// stale version change nothing. The community of an existing announcement cannot change.
    /// </summary>
    public Task<Result<AnnouncementForm>> SaveAsync(AnnouncementForm form, bool publish = false, CancellationToken ct = default) =>
        form.IsNew ? CreateAsync(form, publish, ct) : EditAsync(form, publish, ct);

    private Task<Result<AnnouncementForm>> CreateAsync(AnnouncementForm form, bool publish, CancellationToken ct) =>
        work.AddAsync<Announcement, AnnouncementForm>(
            allow: caller => form.CommunityId == 0 || caller.Manages(form.CommunityId) ? null : Refused(caller, form.CommunityId),
            create: caller =>
            {
                var problems = Validate(form);
                if (form.CommunityId == 0) problems.Insert(0, new Problem(AnnouncementFields.Community, Text("Validation.CommunityRequired")));
                if (problems.Count > 0) return Result<Announcement>.Invalid(problems);
                var announcement = new Announcement
                {
                    CommunityId = form.CommunityId,
                    Title = UserText.CollapsedLine(form.Title),
                    BodyMarkdown = AnnouncementRules.NormalizeBody(form.Body),
                    IsPinned = form.IsPinned,
                    Status = AnnouncementStatus.Draft,
                    AuthorUserId = caller.UserId!,
                    AuthorName = Truncate(caller.Name, Domain.Directory.DirectoryLimits.PersonName),
                };
                if (publish) announcement.Publish(clock.GetUtcNow().UtcDateTime);
                return Result<Announcement>.Ok(announcement);
            },
            within: (caller, announcement, db, ct) => announcement.IsPublished ? AuthorReadAsync(db, announcement, caller, ct) : Task.CompletedTask,
            ct: ct);

    private Task<Result<AnnouncementForm>> EditAsync(AnnouncementForm form, bool publish, CancellationToken ct) =>
        work.ChangeAsync<Announcement, AnnouncementForm>(
            Find(form.Id), form.Version, MayManage,
            run: (_, announcement, _) =>
            {
                if (Validate(form) is { Count: > 0 } problems) return Result.Invalid(problems);
                announcement.Edit(UserText.CollapsedLine(form.Title), AnnouncementRules.NormalizeBody(form.Body), form.IsPinned);
                if (publish && announcement.CanPublish) announcement.Publish(clock.GetUtcNow().UtcDateTime);
                return null;
            },
            ToForm, Texts,
            missing: caller => Gone(caller, form.CommunityId),
            within: (caller, announcement, db, ct) => announcement.IsPublished ? AuthorReadAsync(db, announcement, caller, ct) : Task.CompletedTask,
            ct: ct);

    public Task<Result<AnnouncementForm>> PublishAsync(int id, Guid version, CancellationToken ct = default) =>
        ChangeStatusAsync(id, version, publish: true, ct);

    public Task<Result<AnnouncementForm>> WithdrawAsync(int id, Guid version, CancellationToken ct = default) =>
        ChangeStatusAsync(id, version, publish: false, ct);

    private Task<Result<AnnouncementForm>> ChangeStatusAsync(int id, Guid version, bool publish, CancellationToken ct) =>
        work.ChangeAsync<Announcement, AnnouncementForm>(
            Find(id), version, MayManage,
            run: (_, announcement, _) =>
            {
                if (publish ? !announcement.CanPublish : !announcement.CanWithdraw)
                    return Result.Invalid(Text(publish ? "Error.AlreadyPublished" : "Error.NotPublished"));
                if (publish) announcement.Publish(clock.GetUtcNow().UtcDateTime);
                else announcement.Withdraw();
                return null;
            },
            ToForm, Texts,
            within: (caller, announcement, db, ct) => publish ? AuthorReadAsync(db, announcement, caller, ct) : Task.CompletedTask,
            ct: ct);

    public Task<Result<AnnouncementForm>> DeleteAsync(int id, Guid version, CancellationToken ct = default) =>
        work.ChangeAsync<Announcement, AnnouncementForm>(
            Find(id), version, MayManage,
            run: (_, announcement, db) =>
            {
                announcement.Delete();
                db.Announcements.Remove(announcement);
                return null;
            },
            ToForm, Texts,
            ct: ct);

    private static Func<PortalDbContext, CancellationToken, Task<Announcement?>> Find(int id) =>
        (db, ct) => db.Announcements.FirstOrDefaultAsync(a => a.Id == id, ct);

    private static Result? MayManage(Caller caller, Announcement announcement) =>
        caller.Manages(announcement.CommunityId) ? null : Refused(caller, announcement.CommunityId);

    /// <summary>
    /// With publishing, in its transaction: the author has read what they wrote, so it does not count as unread in
    /// their own bell when the live event reaches it.
    /// </summary>
    private async Task AuthorReadAsync(PortalDbContext db, Announcement announcement, Caller caller, CancellationToken ct)
    {
        var userId = caller.UserId!;
        if (await db.AnnouncementReads.AnyAsync(r => r.AnnouncementId == announcement.Id && r.UserId == userId, ct)) return;
        db.AnnouncementReads.Add(new AnnouncementRead { AnnouncementId = announcement.Id, UserId = userId, ReadAtUtc = clock.GetUtcNow().UtcDateTime });
    }

    /// <summary>Records that the user read the announcement; false when they had already.</summary>
    private async Task<bool> MarkReadAsync(PortalDbContext db, int announcementId, string userId, CancellationToken ct)
    {
        if (await db.AnnouncementReads.AnyAsync(r => r.AnnouncementId == announcementId && r.UserId == userId, ct)) return false;
        db.AnnouncementReads.Add(new AnnouncementRead { AnnouncementId = announcementId, UserId = userId, ReadAtUtc = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Opened in two tabs at once: the other request recorded the same read.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static List<Problem> Validate(AnnouncementForm form) =>
        AnnouncementRules.Check(form.Title, form.Body)
            .Select(p => new Problem(p.Field, p.Problem switch
            {
                AnnouncementProblem.TitleRequired => Text("Validation.TitleRequired"),
                AnnouncementProblem.TitleTooLong => Text("Validation.TitleTooLong", Announcement.TitleMaxLength),
                AnnouncementProblem.BodyRequired => Text("Validation.BodyRequired"),
                _ => Text("Validation.BodyTooLong", Announcement.BodyMaxLength),
            }))
            .ToList();

    /// <summary>A user who can see the community is told they may not manage it; anyone else learns nothing.</summary>
    private static Result Refused(Caller caller, int communityId) =>
        caller.Policy.CanViewCommunity(communityId)
            ? Result.NotAllowed(Text("Error.Forbidden"))
            : Result.NotFound(Text("Error.NotFound"));

    /// <summary>Gone since the manager opened it: deleted meanwhile; to anyone else, it does not exist.</summary>
    private static Result Gone(Caller caller, int communityId) =>
        caller.Manages(communityId) ? Result.Conflict(Text("Error.ConflictDeleted")) : Result.NotFound(Text("Error.NotFound"));

    private static IQueryable<Announcement> Readable(PortalDbContext db, Caller caller)
    {
        var visible = caller.Visible;
        var managed = caller.Managed;
        return db.Announcements.AsNoTracking()
            .Where(a => managed.Contains(a.CommunityId) || (visible.Contains(a.CommunityId) && a.Status == AnnouncementStatus.Published));
    }

    /// <summary>Drafts first (for their authors), then pinned, then newest.</summary>
    private static IQueryable<Announcement> Ordered(IQueryable<Announcement> rows) =>
        rows.OrderBy(a => a.Status == AnnouncementStatus.Draft ? 0 : 1)
            .ThenByDescending(a => a.IsPinned)
            .ThenByDescending(a => a.PublishedAtUtc)
            .ThenByDescending(a => a.Id);

    private static IQueryable<AnnouncementRow> ToRows(PortalDbContext db, Caller caller, IQueryable<Announcement> rows)
    {
        var userId = caller.UserId;
        var managed = caller.Managed;
        return rows.Select(a => new AnnouncementRow(
            a.Id, a.CommunityId,
            db.Communities.Where(c => c.Id == a.CommunityId).Select(c => c.Name).FirstOrDefault() ?? "",
            a.Title, a.IsPinned, a.Status, a.PublishedAtUtc, a.AuthorName,
            a.Status == AnnouncementStatus.Published && !db.AnnouncementReads.Any(r => r.AnnouncementId == a.Id && r.UserId == userId),
            managed.Contains(a.CommunityId)));
    }

    private static AnnouncementForm ToForm(Announcement a) => new()
    {
        Id = a.Id,
        Version = a.Version,
        CommunityId = a.CommunityId,
        Title = a.Title,
        Body = a.BodyMarkdown,
        IsPinned = a.IsPinned,
        Status = a.Status,
    };

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}

/// <summary>
/// Tells the components of one circuit that the user read an announcement (reads are per user, not news for the
/// community channel). Scoped: per circuit.
/// </summary>
public sealed class AnnouncementReadNotifier
{
    public event Func<Task>? Changed;

    public async Task NotifyAsync()
    {
        if (Changed is { } handlers)
            foreach (var handler in handlers.GetInvocationList().Cast<Func<Task>>())
                await handler();
    }
}

/// <summary>What members hear of an announcement: its changes on the community's live channel.</summary>
public sealed class AnnouncementLiveEvents : ILiveEventMapper
{
    public LiveEventDraft? Map(Entity source, IDomainEvent domainEvent) =>
        domainEvent is AnnouncementChanged changed
            ? LiveEventDraft.Of(CommunityChannels.For(changed.CommunityId), TypeOf(changed.Change),
                new AnnouncementEvent(source.Id, changed.CommunityId, changed.Title))
            : null;

    private static string TypeOf(AnnouncementChange change) => change switch
    {
        AnnouncementChange.Published => AnnouncementEvents.Published,
        AnnouncementChange.Updated => AnnouncementEvents.Updated,
        AnnouncementChange.Withdrawn => AnnouncementEvents.Withdrawn,
        _ => AnnouncementEvents.Deleted,
    };
}
