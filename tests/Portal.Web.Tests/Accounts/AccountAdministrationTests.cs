using Portal.Web.Kit.Callers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Auditing;
using Portal.Domain.Directory;
using Portal.Testing;
using Portal.Web.Data.Identity;
using Portal.Web.Features.Accounts;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Data;

namespace Portal.Web.Tests.Accounts;

/// <summary>
/// The rules of account administration, on the real service and database: administrators act only within their
/// street, role changes renew the security stamp, and everything is audited. A second street with its own
/// administrator is added to the demo data for the boundary tests.
/// </summary>
public sealed class AccountAdministrationTests(AccountAdministrationTests.TwoStreets streets) : IClassFixture<AccountAdministrationTests.TwoStreets>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => streets.Host;

    private Task<T> AsAdminAsync<T>(Func<AccountAdministration, Task<T>> action, string admin = "admin") =>
        TestAccounts.AsAsync(Host, admin, services => action(services.GetRequiredService<AccountAdministration>()));

    /// <summary>Every problem's text as the reader sees it (the service answers keys; the edge localizes them).</summary>
    private IReadOnlyList<string> TextsOf(Result result, string culture = "zh-CN") =>
        result.Problems.Select(p => Host.TextOf(Result.Invalid(p.Message), culture: culture)!).ToList();

    [Fact]
    public async Task Admin_grants_a_role_in_their_street_and_the_user_must_sign_in_again_for_it()
    {
        var user = await TestAccounts.CreateAsync(Host, "grant");
        var role = new ScopedRole(PortalRole.CommunitySecretary, ScopeKind.Community, streets.HomeCommunityId);

        var result = await AsAdminAsync(a => a.GrantAsync(user.Id, role, Ct));

        Assert.True(result.Succeeded);
        var after = await TestAccounts.FindAsync(Host, user.UserName!);
        Assert.NotEqual(user.SecurityStamp, after.SecurityStamp);
        var held = await TestAccounts.DbAsync(Host, db => db.RoleAssignments.Where(r => r.UserId == user.Id).ToListAsync(Ct));
        Assert.Equal(role, Assert.Single(held).ToScopedRole());
        var audit = await TestAccounts.DbAsync(Host, db => db.AuditEntries
            .Where(e => e.EntityType == nameof(UserRoleAssignment) && e.Action == AuditAction.Create && e.Changes.Contains(user.Id)).ToListAsync(Ct));
        Assert.Equal("admin", Assert.Single(audit).UserName);

        // Granting it twice is refused with a message, not a second row.
        var twice = await AsAdminAsync(a => a.GrantAsync(user.Id, role, Ct));
        Assert.Equal("该账号已拥有此角色。", Assert.Single(TextsOf(twice)));
    }

    [Fact]
    public async Task Admin_cannot_grant_or_revoke_roles_in_another_street()
    {
        var user = await TestAccounts.CreateAsync(Host, "other");
        var elsewhere = new ScopedRole(PortalRole.CommunitySecretary, ScopeKind.Community, streets.OtherCommunityId);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => AsAdminAsync(a => a.GrantAsync(user.Id, elsewhere, Ct)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => AsAdminAsync(a => a.GrantAsync(user.Id,
            new ScopedRole(PortalRole.StreetAdministrator, ScopeKind.Street, streets.OtherStreetId), Ct)));
        // A scope that does not exist belongs to no street.
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => AsAdminAsync(a => a.GrantAsync(user.Id,
            new ScopedRole(PortalRole.UnitLiaison, ScopeKind.Unit, 987654), Ct)));
        Assert.False(await TestAccounts.DbAsync(Host, db => db.RoleAssignments.AnyAsync(r => r.UserId == user.Id, Ct)));

        // The other street's administrator grants it; the home administrator cannot take it away.
        Assert.True((await AsAdminAsync(a => a.GrantAsync(user.Id, elsewhere, Ct), streets.OtherAdmin)).Succeeded);
        var assignment = await TestAccounts.DbAsync(Host, db => db.RoleAssignments.SingleAsync(r => r.UserId == user.Id, Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => AsAdminAsync(a => a.RevokeAsync(assignment.Id, Ct)));
        Assert.True(await TestAccounts.DbAsync(Host, db => db.RoleAssignments.AnyAsync(r => r.Id == assignment.Id, Ct)));
    }

    [Fact]
    public async Task Role_that_cannot_be_held_over_the_scope_is_refused_with_a_message()
    {
        var user = await TestAccounts.CreateAsync(Host, "kind");

        var result = await AsAdminAsync(a => a.GrantAsync(user.Id, new ScopedRole(PortalRole.GridWorker, ScopeKind.Community, streets.HomeCommunityId), Ct));

        Assert.Equal("该角色不能授予此类范围。", Assert.Single(TextsOf(result)));
        Assert.False(await TestAccounts.DbAsync(Host, db => db.RoleAssignments.AnyAsync(r => r.UserId == user.Id, Ct)));
    }

    [Fact]
    public async Task Accounts_of_another_street_are_neither_listed_nor_manageable()
    {
        var page = await AsAdminAsync(a => a.ListAsync(new AccountQuery(null, 0, AccountAdministration.MaxPageSize), Ct), streets.OtherAdmin);
        Assert.DoesNotContain(page.Rows, r => r.UserName == "secretary");
        Assert.Contains(page.Rows, r => r.UserName == streets.OtherAdmin);

        var secretary = await TestAccounts.FindAsync(Host, "secretary");
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => AsAdminAsync(a => a.ResetPasswordAsync(secretary.Id, "New-pass123", Ct), streets.OtherAdmin));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => AsAdminAsync(a => a.DisableAsync(secretary.Id, Ct), streets.OtherAdmin));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => AsAdminAsync(a => a.UnlockAsync(secretary.Id, Ct), streets.OtherAdmin));
        Assert.Equal(secretary.PasswordHash, (await TestAccounts.FindAsync(Host, "secretary")).PasswordHash);
    }

    [Fact]
    public async Task Home_admin_sees_their_accounts_with_roles_and_search()
    {
        var page = await AsAdminAsync(a => a.ListAsync(new AccountQuery("secr", 0, 20), Ct));

        var row = Assert.Single(page.Rows);
        Assert.Equal("secretary", row.UserName);
        Assert.True(row.CanManage);
        Assert.Contains(row.Roles, r => r.Role.Role == PortalRole.CommunitySecretary && r.ScopeName == "青年湖社区" && r.CanRevoke);
        Assert.DoesNotContain((await AsAdminAsync(a => a.ListAsync(new AccountQuery(null, 0, 100), Ct))).Rows, r => r.UserName == streets.OtherAdmin);
    }

    [Fact]
    public async Task Only_street_administrators_may_administer_accounts()
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => AsAdminAsync(a => a.ListAsync(new AccountQuery(null, 0, 20), Ct), "secretary"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => AsAdminAsync(a => a.CreateAsync(new NewAccount("sneaky", "某人", "Sneaky-pass1", null), Ct), "secretary"));
        var member = await TestAccounts.FindAsync(Host, "member");
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => AsAdminAsync(a => a.UnlockAsync(member.Id, Ct), "secretary"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => AsAdminAsync(a => a.UnlockAsync(member.Id, Ct), "member"));
        Assert.Null(await TestAccounts.DbAsync(Host, db => db.Users.FirstOrDefaultAsync(u => u.UserName == "sneaky", Ct)));
    }

    [Fact]
    public async Task Created_account_follows_the_password_policy_and_links_only_people_of_the_street()
    {
        var weak = await AsAdminAsync(a => a.CreateAsync(new NewAccount("newbie", "新用户", "short", null), Ct));
        Assert.False(weak.Succeeded);
        Assert.Contains("密码至少需要 8 个字符。", TextsOf(weak));
        Assert.Contains("密码必须包含至少一个数字。", TextsOf(weak));

        var strangerPerson = streets.OtherPersonId;
        var foreign = await AsAdminAsync(a => a.CreateAsync(new NewAccount("newbie", "新用户", "Newbie-pass1", strangerPerson), Ct));
        Assert.Equal("所选人员不存在或不属于您管理的街道。", Assert.Single(TextsOf(foreign)));
        Assert.Null(await TestAccounts.DbAsync(Host, db => db.Users.FirstOrDefaultAsync(u => u.UserName == "newbie", Ct)));

        var person = (await AsAdminAsync(a => a.FindPeopleAsync(null, 1, Ct))).Single();
        var created = await AsAdminAsync(a => a.CreateAsync(new NewAccount("newbie", "新用户", "Newbie-pass1", person.Id), Ct));
        Assert.True(created.Succeeded);
        var user = await TestAccounts.FindAsync(Host, "newbie");
        Assert.Equal(person.Id, user.PersonId);
        var duplicate = await AsAdminAsync(a => a.CreateAsync(new NewAccount("newbie", "新用户", "Newbie-pass1", null), Ct));
        Assert.Equal("用户名“newbie”已被使用。", Assert.Single(TextsOf(duplicate)));
        // Identity's refusal is a key with its arguments, so the same answer reads in the other language too.
        Assert.Equal(Outcome.Invalid, duplicate.Outcome);
        Assert.Equal("User name 'newbie' is already taken.", Assert.Single(TextsOf(duplicate, "en")));
    }

    [Fact]
    public async Task A_display_name_of_only_invisible_characters_is_refused_as_missing_and_no_account_is_created()
    {
        var result = await AsAdminAsync(a => a.CreateAsync(new NewAccount("invisible", UnsafeCharacters.Only, "Invisible-pass1", null), Ct));

        Assert.Equal("请输入姓名。", Assert.Single(TextsOf(result)));
        Assert.Null(await TestAccounts.DbAsync(Host, db => db.Users.FirstOrDefaultAsync(u => u.UserName == "invisible", Ct)));
    }

    [Fact]
    public async Task Last_street_administrator_cannot_be_revoked_and_admins_cannot_disable_themselves()
    {
        var otherAdmin = await TestAccounts.FindAsync(Host, streets.OtherAdmin);
        var assignment = await TestAccounts.DbAsync(Host, db => db.RoleAssignments.SingleAsync(r => r.UserId == otherAdmin.Id, Ct));

        var revoke = await AsAdminAsync(a => a.RevokeAsync(assignment.Id, Ct), streets.OtherAdmin);
        Assert.Equal("不能撤销该街道最后一位街道管理员。", Assert.Single(TextsOf(revoke)));

        var disable = await AsAdminAsync(a => a.DisableAsync(otherAdmin.Id, Ct), streets.OtherAdmin);
        Assert.Equal("不能停用您自己的账号。", Assert.Single(TextsOf(disable)));
        Assert.True(await TestAccounts.DbAsync(Host, db => db.RoleAssignments.AnyAsync(r => r.Id == assignment.Id, Ct)));
    }

    [Fact]
    public async Task Reset_password_unlock_and_disable_take_effect()
    {
        var user = await TestAccounts.CreateAsync(Host, "reset", new ScopedRole(PortalRole.Resident, ScopeKind.Community, streets.HomeCommunityId));

        Assert.True((await AsAdminAsync(a => a.ResetPasswordAsync(user.Id, "Fresh-pass42", Ct))).Succeeded);
        using (var scope = Host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var fresh = (await users.FindByIdAsync(user.Id))!;
            Assert.True(await users.CheckPasswordAsync(fresh, "Fresh-pass42"));
            Assert.False(await users.CheckPasswordAsync(fresh, PortalHost.DemoPassword));
            await users.SetLockoutEndDateAsync(fresh, DateTimeOffset.UtcNow.AddMinutes(10));
        }
        var locked = (await AsAdminAsync(a => a.ListAsync(new AccountQuery(user.UserName, 0, 20), Ct))).Rows.Single();
        Assert.True(locked.IsLockedOut);
        Assert.False(locked.IsDisabled);

        Assert.True((await AsAdminAsync(a => a.UnlockAsync(user.Id, Ct))).Succeeded);
        Assert.False((await AsAdminAsync(a => a.ListAsync(new AccountQuery(user.UserName, 0, 20), Ct))).Rows.Single().IsLockedOut);

        var stamp = (await TestAccounts.FindAsync(Host, user.UserName!)).SecurityStamp;
        Assert.True((await AsAdminAsync(a => a.DisableAsync(user.Id, Ct))).Succeeded);
        var disabled = (await AsAdminAsync(a => a.ListAsync(new AccountQuery(user.UserName, 0, 20), Ct))).Rows.Single();
        Assert.True(disabled.IsDisabled);
        Assert.False(disabled.IsLockedOut);
        Assert.NotEqual(stamp, (await TestAccounts.FindAsync(Host, user.UserName!)).SecurityStamp);
        var audit = await TestAccounts.DbAsync(Host, db => db.AuditEntries
            .Where(e => e.EntityType == nameof(PortalUser) && e.EntityId == user.Id && e.Action == AuditAction.Update && e.Changes.Contains("LockoutEnd"))
            .ToListAsync(Ct));
        Assert.Contains(audit, e => e.UserName == "admin");
    }

    /// <summary>The demo data plus a second street (东华门街道) with a community, a person and its own administrator.</summary>
    public sealed class TwoStreets : IAsyncLifetime
    {
        public PortalHost Host { get; } = new(useKestrel: true);
        public string OtherAdmin { get; private set; } = "";
        public int HomeCommunityId { get; private set; }
        public int OtherStreetId { get; private set; }
        public int OtherCommunityId { get; private set; }
        public int OtherPersonId { get; private set; }

        public async ValueTask InitializeAsync()
        {
            HomeCommunityId = await TestAccounts.DbAsync(Host, db => db.Communities.Where(c => c.Name == "青年湖社区").Select(c => c.Id).SingleAsync());
            var street = new Street { Name = "东华门街道" };
            var community = new Community { Street = street, Name = "多福巷社区" };
            var person = new Person { Name = "外街人员", ResidenceCommunity = community };
            await TestAccounts.DbAsync(Host, async db =>
            {
                db.AddRange(street, community, person);
                return await db.SaveChangesAsync();
            });
            Host.Services.GetRequiredService<DirectoryScopeCache>().Invalidate();
            OtherStreetId = street.Id;
            OtherCommunityId = community.Id;
            OtherPersonId = person.Id;
            OtherAdmin = (await TestAccounts.CreateAsync(Host, "dhm", new ScopedRole(PortalRole.StreetAdministrator, ScopeKind.Street, street.Id))).UserName!;
        }

        public ValueTask DisposeAsync()
        {
            Host.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
