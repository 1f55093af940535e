using Portal.Web.Features.Localization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Auditing;
using Portal.Domain.Directory;
using Portal.Testing;
using Portal.Web.Data;
using Portal.Web.Features.Audit;
using Portal.Web.Tests.Accounts;

namespace Portal.Web.Tests.Audit;

/// <summary>
/// Every create, update and delete of domain data through <see cref="PortalDbContext"/> leaves an entry (who, when,
/// what changed); only street administrators can read the log, and nothing can change it.
/// </summary>
public sealed class AuditTrailTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task Create_update_and_delete_of_a_directory_entity_are_recorded_with_who_when_and_what()
    {
        var before = DateTime.UtcNow.AddSeconds(-1);
        var streetId = await TestAccounts.DbAsync(Host, db => db.Streets.Select(s => s.Id).FirstAsync(Ct));

        var communityId = await TestAccounts.AsAsync(Host, "secretary", async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
            var community = new Community { StreetId = streetId, Name = "审计测试社区", Address = "测试路 1 号" };
            db.Communities.Add(community);
            await db.SaveChangesAsync(Ct);

            community.Update(community.StreetId, "审计测试社区（改）", community.Code, community.Address);
            await db.SaveChangesAsync(Ct);

            db.Communities.Remove(community);
            await db.SaveChangesAsync(Ct);
            return community.Id;
        });

        var entries = await TestAccounts.DbAsync(Host, db => db.AuditEntries
            .Where(e => e.EntityType == nameof(Community) && e.EntityId == communityId.ToString())
            .OrderBy(e => e.Id).ToListAsync(Ct));
        Assert.Equal([AuditAction.Create, AuditAction.Update, AuditAction.Delete], entries.Select(e => e.Action));
        var secretary = await TestAccounts.FindAsync(Host, "secretary");
        Assert.All(entries, e =>
        {
            Assert.Equal("secretary", e.UserName);
            Assert.Equal(secretary.Id, e.UserId);
            Assert.InRange(e.AtUtc, before, DateTime.UtcNow.AddSeconds(1));
        });

        var created = AuditChanges.Parse(entries[0].Changes);
        Assert.Contains(created, c => c is { Property: "Name", HasOld: false, New: "审计测试社区" });
        Assert.Contains(created, c => c is { Property: "Address", New: "测试路 1 号" });
        var updated = Assert.Single(AuditChanges.Parse(entries[1].Changes));
        Assert.Equal(new AuditChange("Name", true, "审计测试社区", true, "审计测试社区（改）"), updated);
        Assert.Contains(AuditChanges.Parse(entries[2].Changes), c => c is { Property: "Name", HasOld: true, Old: "审计测试社区（改）", HasNew: false });
    }

    [Fact]
    public async Task Background_changes_are_recorded_as_system_and_secrets_never_reach_the_log()
    {
        var user = await TestAccounts.CreateAsync(Host, "secret");

        var entry = await TestAccounts.DbAsync(Host, db => db.AuditEntries
            .SingleAsync(e => e.EntityType == "PortalUser" && e.EntityId == user.Id && e.Action == AuditAction.Create, Ct));

        Assert.Equal("system", entry.UserName);
        Assert.Null(entry.UserId);
        Assert.DoesNotContain(user.PasswordHash!, entry.Changes);
        Assert.DoesNotContain(user.SecurityStamp!, entry.Changes);
        Assert.Contains(AuditChanges.Parse(entry.Changes), c => c is { Property: "PasswordHash", New: "***" });
    }

    [Fact]
    public async Task Only_street_administrators_read_the_log()
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => TestAccounts.AsAsync(Host, "secretary",
            services => services.GetRequiredService<AuditLog>().QueryAsync(new AuditFilter(), 0, 10, Ct)));

        var page = await TestAccounts.AsAsync(Host, "admin", services => services.GetRequiredService<AuditLog>().QueryAsync(new AuditFilter(), 0, 10, Ct));
        Assert.True(page.Total > 0);
        Assert.True(page.Rows.Count <= 10);
        Assert.Equal(page.Rows.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id), page.Rows);
    }

    [Fact]
    public async Task Filters_narrow_by_user_type_id_action_and_day()
    {
        var streetId = await TestAccounts.DbAsync(Host, db => db.Streets.Select(s => s.Id).FirstAsync(Ct));
        var id = await TestAccounts.AsAsync(Host, "admin", async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
            var community = new Community { StreetId = streetId, Name = "筛选测试社区" };
            db.Communities.Add(community);
            await db.SaveChangesAsync(Ct);
            return community.Id.ToString();
        });
        var today = DateOnly.FromDateTime(PortalTime.ToLocal(DateTime.UtcNow));

        async Task<int> CountAsync(AuditFilter filter) =>
            (await TestAccounts.AsAsync(Host, "admin", services => services.GetRequiredService<AuditLog>().QueryAsync(filter, 0, 200, Ct))).Total;

        Assert.Equal(1, await CountAsync(new AuditFilter("adm", nameof(Community), id, AuditAction.Create, today, today)));
        Assert.Equal(0, await CountAsync(new AuditFilter("secretary", nameof(Community), id)));
        Assert.Equal(0, await CountAsync(new AuditFilter(EntityType: nameof(Community), EntityId: id, Action: AuditAction.Delete)));
        Assert.Equal(0, await CountAsync(new AuditFilter(EntityType: nameof(Street), EntityId: id, Action: AuditAction.Create, From: today)));
        Assert.Equal(0, await CountAsync(new AuditFilter(EntityType: nameof(Community), EntityId: id, From: today.AddDays(1))));
        Assert.Equal(0, await CountAsync(new AuditFilter(EntityType: nameof(Community), EntityId: id, To: today.AddDays(-1))));
    }

    [Fact]
    public async Task Csv_export_is_for_street_administrators_only()
    {
        var (anonymous, _) = PortalClient.Create(Host.BaseAddress);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(AuditExtensions.ExportPath, Ct)).StatusCode);

        var (secretary, _) = PortalClient.Create(Host.BaseAddress);
        await PortalClient.SignInAsync(secretary, "secretary");
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync(AuditExtensions.ExportPath, Ct)).StatusCode);

        var (resident, _) = PortalClient.Create(Host.BaseAddress);
        await PortalClient.SignInAsync(resident, "resident");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync(AuditExtensions.ExportPath, Ct)).StatusCode);

        var (admin, _) = PortalClient.Create(Host.BaseAddress);
        await PortalClient.SignInAsync(admin, "admin");
        var response = await admin.GetAsync(AuditExtensions.ExportPath, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("时间（北京时间）,用户,对象类型,对象编号,操作,变更内容", csv);
    }

    [Fact]
    public async Task Csv_export_applies_the_filter_and_neutralises_formulas()
    {
        var streetId = await TestAccounts.DbAsync(Host, db => db.Streets.Select(s => s.Id).FirstAsync(Ct));
        var id = await TestAccounts.AsAsync(Host, "admin", async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
            var community = new Community { StreetId = streetId, Name = "=HYPERLINK(\"http://evil\")" };
            db.Communities.Add(community);
            await db.SaveChangesAsync(Ct);
            return community.Id.ToString();
        });
        var (admin, _) = PortalClient.Create(Host.BaseAddress);
        await PortalClient.SignInAsync(admin, "admin");

        var url = AuditExtensions.ExportUrl(new AuditFilter(EntityType: nameof(Community), EntityId: id, Action: AuditAction.Create));
        var csv = Encoding.UTF8.GetString(await admin.GetByteArrayAsync(url, Ct));

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains($",admin,社区,{id},新增,", lines[1]);
        // The changes cell starts with the property name, but the value inside must not be able to run as a formula either.
        Assert.DoesNotContain(",=HYPERLINK", lines[1]);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync(AuditExtensions.ExportPath + "?from=yesterday", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync(AuditExtensions.ExportPath + "?action=Erase", Ct)).StatusCode);
    }

    [Fact]
    public async Task No_endpoint_changes_or_deletes_the_log()
    {
        var (admin, _) = PortalClient.Create(Host.BaseAddress);
        await PortalClient.SignInAsync(admin, "admin");
        var count = await TestAccounts.DbAsync(Host, db => db.AuditEntries.CountAsync(Ct));

        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
        {
            var response = await admin.SendAsync(new HttpRequestMessage(method, AuditExtensions.ExportPath), Ct);
            Assert.InRange((int)response.StatusCode, 400, 499);
        }
        Assert.True(await TestAccounts.DbAsync(Host, db => db.AuditEntries.CountAsync(Ct)) >= count);
    }
}
