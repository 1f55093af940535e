using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Web.Data;
using Portal.Web.Features.Platform;
using Portal.Testing;
using Portal.Web.Tests.Authorization;

namespace Portal.Web.Tests.Platform;

/// <summary>The Development demo data: the seven documented accounts with their roles, and a realistic Chinese directory.</summary>
public sealed partial class DemoDataTests(DemoPortalFixture portal) : IClassFixture<DemoPortalFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The README's table, as scope names: who holds which role where.</summary>
    private static readonly Dictionary<string, string[]> DocumentedRoles = new()
    {
        ["admin"] = ["StreetAdministrator@和平里街道"],
        ["secretary"] = ["CommunitySecretary@青年湖社区", "CouncilMember@青年湖社区"],
        ["liaison"] = ["UnitLiaison@东城区第二人民医院"],
        ["member"] = ["PartyMember@青年湖社区", "Resident@青年湖社区"],
        ["gridworker"] = ["GridWorker@青年湖社区第一网格"],
        ["resident"] = ["Resident@青年湖社区"],
        ["resident2"] = ["Resident@安德里社区"],
    };

    [Fact]
    public async Task The_seven_demo_accounts_hold_the_documented_roles()
    {
        await using var db = await CreateDbAsync();
        var users = await db.Users.AsNoTracking().ToListAsync(Ct);
        var roles = await db.RoleAssignments.AsNoTracking().ToListAsync(Ct);
        var streets = await db.Streets.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, Ct);
        var communities = await db.Communities.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, Ct);
        var grids = await db.Grids.AsNoTracking().ToDictionaryAsync(g => g.Id, g => communities[g.CommunityId] + g.Name, Ct);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, Ct);

        Assert.Equal(DocumentedRoles.Keys.Order(), users.Select(u => u.UserName!).Order());
        foreach (var user in users)
        {
            var held = roles.Where(r => r.UserId == user.Id).Select(r => $"{r.Role}@" + (r.Scope switch
            {
                ScopeKind.Street => streets[r.ScopeId],
                ScopeKind.Community => communities[r.ScopeId],
                ScopeKind.Grid => grids[r.ScopeId],
                ScopeKind.Unit => units[r.ScopeId],
                _ => "?",
            }));
            Assert.Equal(DocumentedRoles[user.UserName!].Order(), held.Order());
            Assert.All(roles.Where(r => r.UserId == user.Id), r => Assert.True(ScopedRole.IsValidScopeFor(r.Role, r.Scope), $"{user.UserName}: {r.Role}@{r.Scope}"));
            Assert.False(string.IsNullOrWhiteSpace(user.DisplayName));
        }
    }

    [Fact]
    public async Task Residents_members_and_the_liaison_are_linked_to_the_right_people()
    {
        await using var db = await CreateDbAsync();
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.UserName!, Ct);
        var people = await db.People.AsNoTracking().Include(p => p.ResidenceCommunity).ToDictionaryAsync(p => p.Id, Ct);

        var member = people[users["member"].PersonId!.Value];
        Assert.True(member.IsPartyMember);
        Assert.Equal("青年湖社区", member.ResidenceCommunity?.Name);
        var resident = people[users["resident"].PersonId!.Value];
        Assert.False(resident.IsPartyMember);
        Assert.Equal("青年湖社区", resident.ResidenceCommunity?.Name);
        Assert.Equal("安德里社区", people[users["resident2"].PersonId!.Value].ResidenceCommunity?.Name);
        Assert.Equal(users["resident"].DisplayName, resident.Name);

        var hospital = await db.Units.AsNoTracking().SingleAsync(u => u.Name == "东城区第二人民医院", Ct);
        Assert.Equal(hospital.LiaisonPersonId, users["liaison"].PersonId);
        Assert.All(users.Values, u => Assert.True(u.PersonId is { } id && people.ContainsKey(id), $"{u.UserName} is linked to a person"));
        Assert.Equal("孙志强", people[users["gridworker"].PersonId!.Value].Name);
    }

    [Fact]
    public async Task The_directory_is_realistic_and_in_Chinese()
    {
        await using var db = await CreateDbAsync();

        var street = Assert.Single(await db.Streets.AsNoTracking().ToListAsync(Ct));
        Assert.Equal(DemoDataSeeder.StreetName, street.Name);
        Assert.Equal(DemoDataSeeder.CommunityNames.Order(), (await db.Communities.AsNoTracking().Select(c => c.Name).ToListAsync(Ct)).Order());
        Assert.True(await db.Grids.CountAsync(Ct) >= 4);
        Assert.True(await db.Buildings.CountAsync(Ct) >= 8);

        var households = await db.Households.AsNoTracking().ToListAsync(Ct);
        Assert.InRange(households.Count, 200, 400);
        Assert.All(households, h => Assert.InRange(h.ExclusiveArea, 20m, 300m));
        Assert.True(households.Select(h => h.ExclusiveArea).Distinct().Count() > 50, "areas should vary");
        Assert.True(await db.HouseholdOwnerships.Select(o => o.HouseholdId).Distinct().CountAsync(Ct) == households.Count, "every household has an owner");

        var units = await db.Units.AsNoTracking().ToListAsync(Ct);
        Assert.InRange(units.Count, 8, 20);
        Assert.True(units.Select(u => u.Type).Distinct().Count() >= 5, "units of different types");
        Assert.All(units, u => Assert.NotNull(u.PartyOrganizationId));
        Assert.True(await db.PartyOrganizations.CountAsync(Ct) >= units.Count + 3);
        Assert.True(await db.People.CountAsync(p => p.IsPartyMember, Ct) >= 20);

        // Names are Chinese, as a street office keeps them.
        var names = new List<string>();
        names.AddRange(await db.Communities.Select(c => c.Name).ToListAsync(Ct));
        names.AddRange(await db.Grids.Select(g => g.Name).ToListAsync(Ct));
        names.AddRange(units.Select(u => u.Name));
        names.AddRange(await db.People.Select(p => p.Name).Take(100).ToListAsync(Ct));
        names.AddRange(await db.Owners.Select(o => o.Name).Take(100).ToListAsync(Ct));
        Assert.All(names, n => Assert.Matches(ChineseText(), n));
    }

    [Fact]
    public void The_README_lists_exactly_the_demo_accounts()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFiles.Root(), "README.md"));
        var listed = ReadmeAccountRow().Matches(readme).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(DocumentedRoles.Keys.Order(), listed.Order());
        Assert.Equal(DocumentedRoles.Keys.Order(), DemoDataSeeder.DemoAccounts.Select(a => a.UserName).Order());
    }

    private Task<PortalDbContext> CreateDbAsync() =>
        portal.Portal.NewDbContextAsync(Ct);

    [GeneratedRegex(@"^\|\s*`([a-z0-9]+)`\s*\|", RegexOptions.Multiline)]
    private static partial Regex ReadmeAccountRow();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex ChineseText();
}
