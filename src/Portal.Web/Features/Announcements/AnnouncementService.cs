using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Access;
using Portal.Domain.Announcements;
using Portal.Domain.Text;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Components.Shared;
using Portal.Web.Features.Live;

namespace Portal.Web.Features.Announcements;

/// <summary>
/// Community announcements: members read the published ones of their communities; the community's secretary and
/// the street's administrators write, publish, withdraw and delete them. Every change of what members can see is
/// published on the community's live topic, so open pages and header bells update without a reload.
/// Audit entries are written by the database context on save. Scoped.
/// </summary>
public sealed class AnnouncementService(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    AccessPolicyProvider policies,
    LiveEventBus bus,
    AnnouncementReadNotifier readNotifier,
    TimeProvider clock,
    IStringLocalizer<AnnouncementsText> text,
    ILogger<AnnouncementService> logger)
{
    private sealed record Caller(string? UserId, string Name, AccessPolicy Policy, List<int> Visible, List<int> Managed)
    {
        public bool CanManage(int communityId) => Managed.Contains(communityId);
    }

    private async Task<Caller> CallerAsync(CancellationToken ct)
    {
        // The circuit's or request's own user, never an ambient one: bus handlers run on the publisher's async flow.
        var principal = await currentUser.CallerAsync();
        var policy = await policies.ForAsync(principal, ct);
        var userId = principal.Identity?.IsAuthenticated == true ? principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (userId is null) return new Caller(null, "", policy, [], []);
        return new Caller(userId, principal.DisplayNameOf(), policy, policy.VisibleCommunities.ToList(), policy.ManagedCommunities.ToList());
    }

    /// <summary>The communities whose live topic the user receives (the bell and the list subscribe to these).</summary>
    public async Task<IReadOnlyList<int>> CommunitiesAsync(CancellationToken ct = default) => (await CallerAsync(ct)).Visible;

    /// <summary>Communities the user may write announcements for, for the editor's choice.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> ManagedCommunitiesAsync(CancellationToken ct = default)
    {
        var caller = await CallerAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Communities.AsNoTracking()
            .Where(c => caller.Managed.Contains(c.Id))
            .OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name })
            .ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Name)).ToList();
    }

    public async Task<bool> CanWriteAnyAsync(CancellationToken ct = default) => (await CallerAsync(ct)).Managed.Count > 0;

    /// <summary>
    /// Announcements of the user's communities, newest first with pinned ones on top. Members see published ones;
    /// managers also see drafts and withdrawn ones of the communities they manage.
    /// </summary>
    public async Task<AnnouncementList> ListAsync(AnnouncementQuery query, CancellationToken ct = default)
    {
        var caller = await CallerAsync(ct);
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
        var caller = await CallerAsync(ct);
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
        var caller = await CallerAsync(ct);
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
            a.PublishedAtUtc, a.AuthorName, a.Version, caller.CanManage(a.CommunityId));
    }

    /// <summary>The announcement as its editor loads it; null unless the user manages its community.</summary>
    public async Task<AnnouncementForm?> GetForEditAsync(int id, CancellationToken ct = default)
    {
        var caller = await CallerAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.Announcements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return a is not null && caller.CanManage(a.CommunityId) ? ToForm(a) : null;
    }

    /// <summary>
    /// Creates or changes an announcement; with <paramref name="publish"/>, also publishes it. Invalid input and a
    /// stale version change nothing. The community of an existing announcement cannot change.
    /// </summary>
    public async Task<AnnouncementResult> SaveAsync(AnnouncementForm form, bool publish = false, CancellationToken ct = default)
    {
        var caller = await CallerAsync(ct);
        var errors = Validate(form);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        Announcement announcement;
        if (form.IsNew)
        {
            if (form.CommunityId == 0) errors.TryAdd(AnnouncementFields.Community, text["Validation.CommunityRequired"]);
            else if (!caller.CanManage(form.CommunityId)) return Refused(caller, form.CommunityId);
            if (errors.Count > 0) return AnnouncementResult.Invalid(errors);
            announcement = new Announcement
            {
                CommunityId = form.CommunityId,
                Title = UserText.CollapsedLine(form.Title),
                BodyMarkdown = AnnouncementRules.NormalizeBody(form.Body),
                IsPinned = form.IsPinned,
                Status = AnnouncementStatus.Draft,
                AuthorUserId = caller.UserId!,
                AuthorName = Truncate(caller.Name, Domain.Directory.DirectoryLimits.PersonName),
            };
            db.Announcements.Add(announcement);
        }
        else
        {
            var found = await db.Announcements.FirstOrDefaultAsync(a => a.Id == form.Id, ct);
            if (found is null) return Gone(caller, form.CommunityId);
            if (!caller.CanManage(found.CommunityId)) return Refused(caller, found.CommunityId);
            if (errors.Count > 0) return AnnouncementResult.Invalid(errors);
            announcement = found;
            announcement.Title = UserText.CollapsedLine(form.Title);
            announcement.BodyMarkdown = AnnouncementRules.NormalizeBody(form.Body);
            announcement.IsPinned = form.IsPinned;
        }

        var wasPublished = announcement.IsPublished;
        if (publish && announcement.CanPublish) announcement.Publish(clock.GetUtcNow().UtcDateTime);
        if (await CommitAsync(db, announcement, form.IsNew ? null : form.Version, ct) is { } conflict) return conflict;

        if (announcement.IsPublished)
        {
            // The author has read what they wrote; it must not count as unread in their own bell.
            await MarkReadAsync(db, announcement.Id, caller.UserId!, ct);
            await AnnounceAsync(announcement, wasPublished ? AnnouncementEvents.Updated : AnnouncementEvents.Published, ct);
        }
        return AnnouncementResult.Saved(announcement.Id);
    }

    public Task<AnnouncementResult> PublishAsync(int id, Guid version, CancellationToken ct = default) =>
        ChangeStatusAsync(id, version, publish: true, ct);

    public Task<AnnouncementResult> WithdrawAsync(int id, Guid version, CancellationToken ct = default) =>
        ChangeStatusAsync(id, version, publish: false, ct);

    private async Task<AnnouncementResult> ChangeStatusAsync(int id, Guid version, bool publish, CancellationToken ct)
    {
        var caller = await CallerAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var announcement = await db.Announcements.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (announcement is null) return Gone(caller, null);
        if (!caller.CanManage(announcement.CommunityId)) return Refused(caller, announcement.CommunityId);
        if (announcement.Version != version) return AnnouncementResult.Conflict(ToForm(announcement), text["Error.Conflict"]);
        if (publish ? !announcement.CanPublish : !announcement.CanWithdraw)
            return AnnouncementResult.Invalid(text[publish ? "Error.AlreadyPublished" : "Error.NotPublished"]);

        if (publish) announcement.Publish(clock.GetUtcNow().UtcDateTime);
        else announcement.Withdraw();
        if (await CommitAsync(db, announcement, version, ct) is { } conflict) return conflict;
        if (publish) await MarkReadAsync(db, announcement.Id, caller.UserId!, ct);
        await AnnounceAsync(announcement, publish ? AnnouncementEvents.Published : AnnouncementEvents.Withdrawn, ct);
        return AnnouncementResult.Saved(announcement.Id);
    }

    public async Task<AnnouncementResult> DeleteAsync(int id, Guid version, CancellationToken ct = default)
    {
        var caller = await CallerAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var announcement = await db.Announcements.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (announcement is null) return Gone(caller, null);
        if (!caller.CanManage(announcement.CommunityId)) return Refused(caller, announcement.CommunityId);
        var wasPublished = announcement.IsPublished;
        db.Announcements.Remove(announcement);
        if (await CommitAsync(db, announcement, version, ct) is { } conflict) return conflict;
        if (wasPublished) await AnnounceAsync(announcement, AnnouncementEvents.Deleted, ct);
        return AnnouncementResult.Saved(id);
    }

    /// <summary>
    /// Saves, refusing when the row changed since the user loaded <paramref name="loadedVersion"/>: checked here and,
    /// for a race between this check and the write, in the UPDATE's WHERE clause (Version is a concurrency token).
    /// </summary>
    private async Task<AnnouncementResult?> CommitAsync(PortalDbContext db, Announcement announcement, Guid? loadedVersion, CancellationToken ct)
    {
        if (loadedVersion is { } loaded)
        {
            if (announcement.Version != loaded) return AnnouncementResult.Conflict(await CurrentFormAsync(announcement.Id, ct), text["Error.Conflict"]);
            db.Entry(announcement).Property(nameof(Announcement.Version)).OriginalValue = loaded;
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return AnnouncementResult.Conflict(await CurrentFormAsync(announcement.Id, ct), text["Error.Conflict"]);
        }
    }

    private async Task<AnnouncementForm?> CurrentFormAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Announcements.AsNoTracking().Where(a => a.Id == id).Select(a => ToForm(a)).FirstOrDefaultAsync(ct);
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

    private async Task AnnounceAsync(Announcement announcement, string type, CancellationToken ct)
    {
        try
        {
            await bus.PublishAsync(CommunityTopics.For(announcement.CommunityId), type,
                new AnnouncementEvent(announcement.Id, announcement.CommunityId, announcement.Title), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The change is saved; members see it on their next load even if the live notice failed.
            logger.LogError(ex, "Live event {Type} for announcement {Id} failed", type, announcement.Id);
        }
    }

    private Dictionary<string, string> Validate(AnnouncementForm form)
    {
        var errors = new Dictionary<string, string>();
        foreach (var (field, problem) in AnnouncementRules.Check(form.Title, form.Body))
        {
            errors.TryAdd(field, problem switch
            {
                AnnouncementProblem.TitleRequired => text["Validation.TitleRequired"],
                AnnouncementProblem.TitleTooLong => text["Validation.TitleTooLong", Announcement.TitleMaxLength],
                AnnouncementProblem.BodyRequired => text["Validation.BodyRequired"],
                _ => text["Validation.BodyTooLong", Announcement.BodyMaxLength],
            });
        }
        return errors;
    }

    /// <summary>A user who can see the community is told they may not manage it; anyone else learns nothing.</summary>
    private AnnouncementResult Refused(Caller caller, int communityId) =>
        caller.Policy.CanViewCommunity(communityId)
            ? AnnouncementResult.Forbidden(text["Error.Forbidden"])
            : AnnouncementResult.NotFound(text["Error.NotFound"]);

    private AnnouncementResult Gone(Caller caller, int? communityId) =>
        communityId is { } c && caller.CanManage(c)
            ? AnnouncementResult.Conflict(null, text["Error.ConflictDeleted"])
            : AnnouncementResult.NotFound(text["Error.NotFound"]);

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
/// community topic). Scoped: per circuit.
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
