using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using Portal.Web.Data;
using Portal.Domain.WorkItems;
using Portal.Web.Features.Lists.WorkItems;
using Portal.Web.Kit.Live;
using Portal.Web.Features.Platform;
using Portal.Web.Tests.Accounts;
using Portal.Web.Kit.Results;

namespace Portal.Web.Tests.Data;

/// <summary>The whole portal on PostgreSQL: migrations, demo data, sign-in, UTC times, decimals and live events.</summary>
public sealed class PostgresPortalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The demo portal on the fresh database.</summary>
    internal static PortalHost OnPostgres(PostgresTestDatabase database, bool useKestrel = false) =>
        new(useKestrel, new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSQL",
            ["Database:ConnectionString"] = database.ConnectionString,
        });

    /// <summary>
    /// Runs <paramref name="test"/> against the demo portal on a fresh PostgreSQL database of its own (skipped when no
    /// server is configured, like every PostgreSQL test), for tests that run the same checks on both providers.
    /// </summary>
    internal static async Task OnFreshPostgresAsync(string purpose, Func<PortalHost, Task> test)
    {
        var server = MigrationSchemaTests.RequirePostgres();
        await using var database = await PostgresTestDatabase.CreateAsync(server, purpose);
        using var host = OnPostgres(database);
        await test(host);
    }

    [Fact]
    public async Task Portal_starts_on_a_fresh_PostgreSQL_database_with_demo_data_and_sign_in()
    {
        var server = MigrationSchemaTests.RequirePostgres();
        await using var database = await PostgresTestDatabase.CreateAsync(server, "app");
        using var host = OnPostgres(database, useKestrel: true);
        var (client, _) = PortalClient.Create(host.BaseAddress);
        using (client)
        {
            using var health = await client.GetAsync("/health", Ct);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Contains("\"status\":\"Healthy\"", await health.Content.ReadAsStringAsync(Ct));

            using var signIn = await PortalClient.SignInAsync(client, "secretary");
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.DoesNotContain("/account/login", signIn.Headers.Location?.OriginalString ?? "", StringComparison.OrdinalIgnoreCase);
            using var home = await client.GetAsync("/", Ct);
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);

            using var wrong = await PortalClient.SignInAsync(client, "resident", "not-the-password");
            Assert.NotEqual(HttpStatusCode.Redirect, wrong.StatusCode);
        }

        var dbFactory = host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync(Ct))
        {
            Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
            Assert.Equal(1, await db.Streets.CountAsync(Ct));
            Assert.Equal(2, await db.Communities.CountAsync(Ct));
            Assert.True(await db.Users.CountAsync(Ct) >= 7);
            Assert.True(await db.RoleAssignments.CountAsync(Ct) >= 8);

            // Times come back as UTC, and local or unspecified times in queries are converted rather than rejected.
            var announcement = await db.Announcements.OrderBy(a => a.Id).FirstAsync(Ct);
            Assert.Equal(DateTimeKind.Utc, announcement.PublishedAtUtc!.Value.Kind);
            var localSince = DateTime.Now.AddYears(-1);
            var unspecifiedSince = DateTime.SpecifyKind(DateTime.UtcNow.AddYears(-1), DateTimeKind.Unspecified);
            Assert.Equal(3, await db.Announcements.CountAsync(a => a.PublishedAtUtc > localSince, Ct));
            Assert.Equal(3, await db.Announcements.CountAsync(a => a.PublishedAtUtc > unspecifiedSince, Ct));
            var audit = await db.AuditEntries.OrderBy(a => a.Id).FirstAsync(Ct);
            Assert.Equal(DateTimeKind.Utc, audit.AtUtc.Kind);

            // Exclusive areas keep two decimals.
            var areas = await db.Households.Select(h => h.ExclusiveArea).ToListAsync(Ct);
            Assert.NotEmpty(areas);
            Assert.All(areas, a => Assert.Equal(a, Math.Round(a, 2)));
            Assert.Contains(areas, a => a != Math.Round(a, 0));
        }

        // Live events get consecutive per-topic sequence numbers from the database.
        var bus = host.Services.GetRequiredService<LiveEventBus>();
        var first = await bus.PublishAsync("test:postgres", "ping", new { n = 1 }, Ct);
        var second = await bus.PublishAsync("test:postgres", "ping", new { n = 2 }, Ct);
        Assert.Equal(first.Sequence + 1, second.Sequence);
        var caughtUp = await bus.ReadAfterAsync("test:postgres", first.Sequence, Ct);
        Assert.Equal(2, Assert.Single(caughtUp).PayloadAs<Dictionary<string, int>>()!["n"]);
        Assert.Equal(DateTimeKind.Utc, caughtUp[0].ServerTimeUtc.Kind);
    }

    [Fact]
    public async Task A_user_name_with_NUL_gets_the_ordinary_wrong_password_answer_on_PostgreSQL()
    {
        // Npgsql refuses NUL in query parameters too (22021), so the name must be cleaned before anything looks it up.
        var server = MigrationSchemaTests.RequirePostgres();
        await using var database = await PostgresTestDatabase.CreateAsync(server, "signin");
        using var host = OnPostgres(database, useKestrel: true);
        var (client, _) = PortalClient.Create(host.BaseAddress);

        using var response = await PortalClient.SignInAsync(client, "resident\0", "not-the-password", multipart: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("用户名或密码错误。", await TestAccounts.LoginErrorAsync(response));
        using var onlyNul = await PortalClient.SignInAsync(client, "\0", "not-the-password", multipart: true);
        Assert.Equal("请输入用户名和密码。", await TestAccounts.LoginErrorAsync(onlyNul));
    }

    [Fact]
    public async Task A_need_title_with_NUL_is_stored_clean_on_PostgreSQL_which_refuses_NUL_in_text()
    {
        var server = MigrationSchemaTests.RequirePostgres();
        await using var database = await PostgresTestDatabase.CreateAsync(server, "text");
        using var host = OnPostgres(database);
        int community;
        await using (var db = await host.NewDbContextAsync(Ct))
            community = await db.Communities.Where(c => c.Name == DemoDataSeeder.CommunityNames[0]).Select(c => c.Id).SingleAsync(Ct);

        var result = await host.AsAsync<WorkItemService, Result>("resident", s => s.RaiseAsync(new RaiseNeedForm
        {
            Title = "路灯\0不亮\u202E", Description = "晚上\0很黑\r\n老人不便", Category = WorkItemCategories.Safety, CommunityId = community, Urgency = Urgency.General,
        }, Ct));

        Assert.True(result.Succeeded, host.TextOf(result));
        await using var check = await host.NewDbContextAsync(Ct);
        var item = await check.WorkItems.AsNoTracking().SingleAsync(w => w.Id == result.Id, Ct);
        Assert.Equal(("路灯不亮", "晚上很黑\n老人不便"), (item.Title, item.DescriptionMarkdown));
    }

    [Fact]
    public async Task Searches_and_lookups_with_NUL_or_zero_width_characters_answer_on_PostgreSQL_and_find_what_the_visible_term_finds()
    {
        var server = MigrationSchemaTests.RequirePostgres();
        await using var database = await PostgresTestDatabase.CreateAsync(server, "search");
        using var host = OnPostgres(database, useKestrel: true);
        string title;
        await using (var db = await host.NewDbContextAsync(Ct))
        {
            var community = await db.Communities.Where(c => c.Name == DemoDataSeeder.CommunityNames[0]).Select(c => c.Id).SingleAsync(Ct);
            title = await db.WorkItems.Where(w => w.CommunityId == community && w.Kind == WorkItemKind.Need).OrderBy(w => w.Id).Select(w => w.Title).FirstAsync(Ct);
        }
        var term = Uri.EscapeDataString(title[..2]);
        var hidden = Uri.EscapeDataString(title[..1] + "\u200B" + title[1..2]);

        // The addresses that carry a term: the list pages answer, and the list's rows — counted in its export, which
        // runs the very query the page runs for the same address (the page's grid fills in after the first render,
        // so its rows are not in the server's HTML) — are what the visible term finds.
        using var secretary = await PortalClient.SignedInAsync(host.BaseAddress, "secretary");
        async Task<int> RowsAsync(string query)
        {
            foreach (var page in new[] { "/lists", "/lists/needs" })
            {
                using var response = await secretary.GetAsync($"{page}?{query}", Ct);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}?{query}: {(int)response.StatusCode}");
            }
            using var export = await secretary.GetAsync($"/api/lists/export?format=csv&{query}", Ct);
            Assert.True(export.StatusCode == HttpStatusCode.OK, $"export?{query}: {(int)export.StatusCode}");
            var lines = (await export.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return lines.Length - 1;
        }
        Assert.Equal(await RowsAsync("q="), await RowsAsync("q=%00"));
        var found = await RowsAsync($"q={term}");
        Assert.True(found > 0, $"\"{title[..2]}\" finds nothing");
        Assert.True(found < await RowsAsync("q="), $"\"{title[..2]}\" finds every row");
        Assert.Equal(found, await RowsAsync($"q={hidden}"));
        Assert.Equal(found, await RowsAsync($"q=%00{hidden}"));
        using var admin = await PortalClient.SignedInAsync(host.BaseAddress, "admin");
        using (var audit = await admin.GetAsync("/api/audit.csv?user=%00&entityType=%00&entityId=%00", Ct))
            Assert.Equal(HttpStatusCode.OK, audit.StatusCode);

        // Every search box of the portal, through its service.
        await SearchProbes.AssertHiddenCharactersChangeNoSearchAsync(host);

        // A typed account name is looked up as it would be stored: the resident, whatever hides around the name.
        int qingnianhu;
        await using (var db = await host.NewDbContextAsync(Ct))
            qingnianhu = await db.Communities.Where(c => c.Name == DemoDataSeeder.CommunityNames[0]).Select(c => c.Id).SingleAsync(Ct);
        var entered = await host.AsAsync<WorkItemService, Result>("secretary", s => s.RaiseAsync(new RaiseNeedForm
        {
            Title = "热线代填", Category = WorkItemCategories.Other, CommunityId = qingnianhu, Channel = RaiseChannel.Hotline,
            RequesterUserName = "\0resident\u200B",
        }, Ct));
        Assert.True(entered.Succeeded, host.TextOf(entered));
        await using (var db = await host.NewDbContextAsync(Ct))
            Assert.Equal(await db.Users.Where(u => u.UserName == "resident").Select(u => u.Id).SingleAsync(Ct),
                await db.WorkItems.Where(w => w.Id == entered.Id).Select(w => w.RequesterUserId).SingleAsync(Ct));
    }
}
