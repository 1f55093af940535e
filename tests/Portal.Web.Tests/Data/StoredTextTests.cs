using Microsoft.EntityFrameworkCore;
using Portal.Domain.Auditing;
using Portal.Domain.Councils;
using Portal.Domain.WorkItems;
using Portal.Testing;
using Portal.Web.Data.Identity;
using Portal.Web.Data.Live;
using Portal.Web.Data;
using Portal.Web.Features.Platform;
using Portal.Web.Tests.Accounts;

namespace Portal.Web.Tests.Data;

/// <summary>
/// The database's own text rule (<see cref="StoredText"/>): every save through the portal's context cleans what it writes,
/// whatever path it comes from, and leaves alone what must stay byte for byte.
/// </summary>
public sealed class StoredTextTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    /// <summary>Control, bidi, zero-width characters, a line break and a decomposed "é": what the rule would change.</summary>
    private const string Dirty = "\u202Ea\0b\u001B\r\nc\u200Be\u0301";

    private static (string Entity, string Property)[] Where(PortalDbContext db, StoredTextKind kind) =>
        db.Model.GetEntityTypes()
            .SelectMany(t => t.GetProperties().Select(p => (Type: t, Property: p)))
            .Where(x => x.Property.ClrType == typeof(string) && StoredText.KindOf(x.Property) == kind)
            .Where(x => x.Type.ClrType.Namespace!.StartsWith("Portal.", StringComparison.Ordinal))
            .Select(x => (x.Type.ClrType.Name, x.Property.Name))
            .Order()
            .ToArray();

    [Fact]
    public async Task Every_multi_line_property_is_one_people_write_lines_into_and_verbatim_ones_are_the_portals_own_values()
    {
        await using var db = await Host.NewDbContextAsync(Ct);

        Assert.Equal(
        [
            ("AgendaItem", "Notes"), ("AgendaItem", "Outcome"), ("Announcement", "BodyMarkdown"), ("CarryOver", "Reason"),
            ("Matter", "Description"), ("Matter", "ScreeningReason"), ("Meeting", "DecisionReason"), ("Meeting", "MinutesMarkdown"),
            ("Opinion", "BodyMarkdown"), ("Opinion", "HiddenReason"), ("PlanVersion", "BodyMarkdown"), ("Resolution", "Decision"), ("Resource", "Description"),
            ("SessionRating", "Comment"), ("Topic", "DescriptionMarkdown"), ("Topic", "ScreeningReason"), ("WorkItem", "DescriptionMarkdown"), ("WorkItemEvent", "Note"),
        ], Where(db, StoredTextKind.MultiLine));

        // Of the portal's entities, only machine-written values, and Identity's own columns of the user.
        var verbatim = Where(db, StoredTextKind.Verbatim);
        Assert.Equal(
        [
            ("AgendaChangeEntry", "Touches"), ("Attachment", "StoredName"),
            ("AuditEntry", "Changes"), ("AuditEntry", "EntityId"), ("AuditEntry", "EntityType"), ("AuditEntry", "UserId"), ("AuditEntry", "UserName"),
            ("Meeting", "DisplayTokenHash"), ("Notification", "MessageArgument"),
            ("SignInFailure", "ClientAddress"), ("SignInFailure", "DeviceId"), ("SignInFailure", "NormalizedUserName"),
            ("SignInLock", "ClientAddress"), ("SignInLock", "LiftedBy"), ("SignInLock", "NormalizedUserName"), ("SignInLock", "UserId"),
            ("StoredLiveEvent", "Channel"), ("StoredLiveEvent", "Payload"), ("StoredLiveEvent", "Type"),
        ], verbatim.Where(v => v.Entity != nameof(PortalUser)));
        Assert.Contains((nameof(PortalUser), "PasswordHash"), verbatim);
        Assert.Contains((nameof(PortalUser), "SecurityStamp"), verbatim);
        Assert.Contains((nameof(PortalUser), "ConcurrencyStamp"), verbatim);
        Assert.Contains((nameof(PortalUser), "DisplayName"), Where(db, StoredTextKind.SingleLine));

        // A property whose name says it holds lines is multi-line, unless it is one of the few one-line reasons.
        string[] linesByName = ["Markdown", "Note", "Notes", "Description", "Reason", "Outcome"];
        string[] oneLineReasons = ["LeaveReason"];
        Assert.All(Where(db, StoredTextKind.SingleLine).Where(p => linesByName.Any(n => p.Property.EndsWith(n, StringComparison.Ordinal))),
            p => Assert.Contains(p.Property, oneLineReasons));
    }

    [Fact]
    public async Task A_save_through_any_path_cleans_single_line_and_multi_line_text_as_it_writes_it()
    {
        var community = await TestAccounts.DbAsync(Host, db => db.Communities.Where(c => c.Name == DemoDataSeeder.CommunityNames[0]).Select(c => c.Id).SingleAsync(Ct));
        int id;
        await using (var db = await Host.NewDbContextAsync(Ct))
        {
            // Straight into the context, past every service: the database still stores clean text.
            var item = new WorkItem
            {
                Kind = WorkItemKind.Need, Title = "直接保存" + Dirty, DescriptionMarkdown = "第一行\r\n\t第二行" + Dirty, Category = WorkItemCategories.Other,
                CommunityId = community, Address = Dirty, RaisedByName = "\u2066测试\u2069", RaisedAtUtc = DateTime.UtcNow,
            };
            db.WorkItems.Add(item);
            await db.SaveChangesAsync(Ct);
            id = item.Id;
        }

        var stored = await TestAccounts.DbAsync(Host, db => db.WorkItems.AsNoTracking().SingleAsync(w => w.Id == id, Ct));
        Assert.Equal("直接保存ab c\u00E9", stored.Title);
        Assert.Equal("第一行\n\t第二行ab\nc\u00E9", stored.DescriptionMarkdown);
        Assert.Equal("ab c\u00E9", stored.Address);
        Assert.Equal("测试", stored.RaisedByName);
        var audit = await TestAccounts.DbAsync(Host, db => db.AuditEntries.Where(a => a.EntityType == nameof(WorkItem) && a.EntityId == id.ToString()).Select(a => a.Changes).SingleAsync(Ct));
        Assert.Contains("直接保存ab c\u00E9", audit);
    }

    [Fact]
    public async Task An_update_cleans_the_values_it_writes_and_leaves_the_others_as_they_are()
    {
        var community = await TestAccounts.DbAsync(Host, db => db.Communities.Select(c => c.Id).FirstAsync(Ct));
        var item = new WorkItem { Kind = WorkItemKind.Need, Title = "更新测试", Category = WorkItemCategories.Other, CommunityId = community, RaisedByName = "测试", RaisedAtUtc = DateTime.UtcNow };
        await TestAccounts.DbAsync(Host, async db =>
        {
            db.WorkItems.Add(item);
            return await db.SaveChangesAsync(Ct);
        });
        // As a database from before the rule may hold it.
        const string raw = "旧\0标题\u202E";
        await TestAccounts.DbAsync(Host, db => db.Database.ExecuteSqlAsync($"UPDATE \"WorkItems\" SET \"Title\" = {raw}, \"Address\" = {raw} WHERE \"Id\" = {item.Id}", Ct));

        await TestAccounts.DbAsync(Host, async db =>
        {
            var loaded = await db.WorkItems.SingleAsync(w => w.Id == item.Id, Ct);
            // Written as any change writes it (the address is set at raising only, so through the change tracker).
            db.Entry(loaded).Property(w => w.Address).CurrentValue = loaded.Address + "\u200B1 号";
            return await db.SaveChangesAsync(Ct);
        });

        var stored = await TestAccounts.DbAsync(Host, db => db.WorkItems.AsNoTracking().SingleAsync(w => w.Id == item.Id, Ct));
        Assert.Equal("旧标题1 号", stored.Address);
        // Not written by this save: cleaned when it is next edited, and on every export meanwhile.
        Assert.Equal(raw, stored.Title);
    }

    [Fact]
    public async Task Hashes_stamps_tokens_file_names_event_payloads_and_audit_values_are_stored_byte_for_byte()
    {
        var user = await TestAccounts.CreateAsync(Host, "verbatim");
        var meetingId = await TestAccounts.DbAsync(Host, db => db.Meetings.Select(m => m.Id).FirstAsync(Ct));
        var eventId = await TestAccounts.DbAsync(Host, db => db.WorkItemEvents.Select(e => e.Id).FirstAsync(Ct));
        // Values no person typed, with everything the text rule would change: they must come back exactly.
        const string exact = "\u202Ex\0y\r\n\u200Bz\u0065\u0301 ";
        long auditId, liveId;
        int attachmentId;
        await using (var db = await Host.NewDbContextAsync(Ct))
        {
            var tracked = await db.Users.SingleAsync(u => u.Id == user.Id, Ct);
            tracked.PasswordHash = "hash" + exact;
            tracked.SecurityStamp = "stamp" + exact;
            tracked.DisplayName = "显示名" + Dirty;
            var meeting = await db.Meetings.SingleAsync(m => m.Id == meetingId, Ct);
            meeting.DisplayTokenHash = "token" + exact;
            var attachment = new Attachment
            {
                WorkItemEventId = eventId, FileName = "现场\u202Egnp.exe.png", ContentType = "image/png", StoredName = "stored" + exact, UploadedAtUtc = DateTime.UtcNow,
            };
            db.Attachments.Add(attachment);
            var audit = new AuditEntry { AtUtc = DateTime.UtcNow, UserName = "name" + exact, EntityType = "Test", EntityId = "1", Changes = "{\"a\":\"" + exact + "\"}" };
            db.AuditEntries.Add(audit);
            var live = new StoredLiveEvent { Channel = "test/" + exact, Sequence = 1, Type = "t" + exact, Payload = "{\"p\":\"" + exact + "\"}", ServerTimeUtc = DateTime.UtcNow };
            db.LiveEvents.Add(live);
            await db.SaveChangesAsync(Ct);
            (auditId, liveId, attachmentId) = (audit.Id, live.Id, attachment.Id);
        }

        await using var check = await Host.NewDbContextAsync(Ct);
        var stored = await check.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id, Ct);
        Assert.Equal(("hash" + exact, "stamp" + exact), (stored.PasswordHash, stored.SecurityStamp));
        Assert.Equal("显示名ab c\u00E9", stored.DisplayName);
        Assert.Equal("token" + exact, await check.Meetings.Where(m => m.Id == meetingId).Select(m => m.DisplayTokenHash).SingleAsync(Ct));
        var file = await check.Attachments.AsNoTracking().SingleAsync(a => a.Id == attachmentId, Ct);
        Assert.Equal(("现场gnp.exe.png", "stored" + exact), (file.FileName, file.StoredName));
        var entry = await check.AuditEntries.AsNoTracking().SingleAsync(a => a.Id == auditId, Ct);
        Assert.Equal(("name" + exact, "{\"a\":\"" + exact + "\"}"), (entry.UserName, entry.Changes));
        var ev = await check.LiveEvents.AsNoTracking().SingleAsync(e => e.Id == liveId, Ct);
        Assert.Equal(("test/" + exact, "t" + exact, "{\"p\":\"" + exact + "\"}"), (ev.Channel, ev.Type, ev.Payload));
    }

    [Fact]
    public async Task A_password_set_through_Identity_still_signs_in()
    {
        var user = await TestAccounts.CreateAsync(Host, "hashed");

        var (client, _) = PortalClient.Create(Host.BaseAddress);
        using var response = await PortalClient.SignInAsync(client, user.UserName!);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(user.PasswordHash, await TestAccounts.DbAsync(Host, db => db.Users.Where(u => u.Id == user.Id).Select(u => u.PasswordHash).SingleAsync(Ct)));
    }
}
