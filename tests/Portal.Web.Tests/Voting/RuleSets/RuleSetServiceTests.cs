using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Portal.Domain.Voting;
using Portal.Testing;
using Portal.Web.Data;
using Portal.Web.Features.Platform;
using Portal.Web.Features.Voting;
using Portal.Web.Features.Voting.RuleSets;
using Portal.Web.Kit.Results;
using Outcome = Portal.Web.Kit.Results.Outcome;
using Portal.Web.Tests.Authorization;

namespace Portal.Web.Tests.Voting.RuleSets;

/// <summary>Stored rule-set versions (decision 0032) through the real service, as each demo user.</summary>
public sealed class RuleSetServiceTests(DemoPortalFixture server) : IClassFixture<DemoPortalFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<T> AsAsync<T>(string userName, Func<RuleSetService, Task<T>> action) => server.Portal.AsAsync(userName, action);

    private async Task<(int Own, int Other, int Street)> PlacesAsync()
    {
        await using var db = await server.Portal.NewDbContextAsync(Ct);
        var own = await db.Communities.Where(c => c.Name == DemoDataSeeder.CommunityNames[0]).Select(c => new { c.Id, c.StreetId }).SingleAsync(Ct);
        var other = await db.Communities.Where(c => c.Name == DemoDataSeeder.CommunityNames[1]).Select(c => c.Id).SingleAsync(Ct);
        return (own.Id, other, own.StreetId);
    }

    private async Task<int> StoredCountAsync()
    {
        await using var db = await server.Portal.NewDbContextAsync(Ct);
        return await db.RuleSetVersions.CountAsync(Ct);
    }

    private static bool SameRule(RuleSet a, RuleSet b) =>
        (a.Code, a.Version, a.Name, a.CountingBase, a.QuorumFrom, a.PassOver) == (b.Code, b.Version, b.Name, b.CountingBase, b.QuorumFrom, b.PassOver)
        && a.Quorum.SequenceEqual(b.Quorum) && a.Pass.SequenceEqual(b.Pass);

    [Fact]
    public async Task The_shipped_rule_sets_are_stored_once_and_read_back_exactly()
    {
        var (own, _, _) = await PlacesAsync();
        await using (var db = await server.Portal.NewDbContextAsync(Ct))
        {
            var shipped = await db.RuleSetVersions.Where(v => v.StreetId == null && v.CommunityId == null).ToListAsync(Ct);
            Assert.Equal(ShippedRuleSets.All.Count, shipped.Count);
        }
        var before = await StoredCountAsync();
        foreach (var seeder in server.Portal.Services.GetServices<IStartupSeeder>().OfType<ShippedRuleSetSeeder>())
            await seeder.SeedAsync(Ct);
        Assert.Equal(before, await StoredCountAsync());

        foreach (var rule in ShippedRuleSets.All)
        {
            var stored = await AsAsync("resident", s => s.GetAsync(own, rule.Code, rule.Version, Ct));
            Assert.NotNull(stored);
            Assert.True(SameRule(rule, stored), rule.Code);
        }
    }

    [Fact]
    public async Task A_secretarys_edit_is_the_next_version_used_in_her_community_only_and_the_stored_one_stays()
    {
        var (own, other, _) = await PlacesAsync();
        var shipped = ShippedRuleSets.ResidentsMeeting;
        var edited = shipped with { Name = "居民会议（社区公约）", Pass = [new Condition(Measure.Headcount, Threshold.AtLeast(2, 3))] };

        var result = await AsAsync("secretary", s => s.EditAsync(edited, streetId: null, communityId: own, Ct));

        Assert.True(result.Succeeded, server.Portal.TextOf(result));
        var stored = await AsAsync("secretary", s => s.GetAsync(own, shipped.Code, 2, Ct));
        Assert.NotNull(stored);
        Assert.True(SameRule(edited with { Version = 2 }, stored));
        Assert.True(SameRule(shipped, (await AsAsync("secretary", s => s.GetAsync(own, shipped.Code, 1, Ct)))!));
        var current = await AsAsync("secretary", s => s.CurrentForCommunityAsync(own, Ct));
        Assert.Contains(current, r => r.Code == shipped.Code && r.Version == 2 && r.CommunityId == own && r.CreatedBy == "secretary");
        Assert.Equal(ShippedRuleSets.All.Count, current.Count);

        // Another community keeps the shipped version and cannot read the first community's.
        var elsewhere = await AsAsync("admin", s => s.CurrentForCommunityAsync(other, Ct));
        Assert.Contains(elsewhere, r => r.Code == shipped.Code && r.Version == 1 && r.IsShipped);
        Assert.Null(await AsAsync("admin", s => s.GetAsync(other, shipped.Code, 2, Ct)));
        Assert.Null(await AsAsync("resident2", s => s.GetAsync(own, shipped.Code, 1, Ct)));
        Assert.Empty(await AsAsync("resident2", s => s.CurrentForCommunityAsync(own, Ct)));
    }

    [Fact]
    public async Task A_street_version_is_used_by_every_community_of_the_street_that_has_none_of_its_own()
    {
        var (own, other, street) = await PlacesAsync();
        var edited = ShippedRuleSets.CouncilShowOfHands with { Name = "举手表决（街道）" };

        var result = await AsAsync("admin", s => s.EditAsync(edited, streetId: street, communityId: null, Ct));

        Assert.True(result.Succeeded, server.Portal.TextOf(result));
        foreach (var community in (int[])[own, other])
        {
            var current = await AsAsync("admin", s => s.CurrentForCommunityAsync(community, Ct));
            Assert.Contains(current, r => r.Code == edited.Code && r.Version == 2 && r.StreetId == street && r.Name == "举手表决（街道）");
        }
    }

    [Fact]
    public async Task A_rule_that_breaks_the_domains_rules_is_refused_with_a_localized_reason_and_nothing_is_stored()
    {
        var (own, _, _) = await PlacesAsync();
        var before = await StoredCountAsync();
        var areaForResidents = ShippedRuleSets.VillagersMeetingByAdults with { Pass = [new Condition(Measure.Area, Threshold.MoreThanHalf)] };
        var noPass = ShippedRuleSets.VillagersMeetingByAdults with { Pass = [] };
        var moreThanAll = ShippedRuleSets.VillagersMeetingByAdults with { Pass = [new Condition(Measure.Headcount, Threshold.MoreThan(1, 1))] };

        var area = await AsAsync("secretary", s => s.EditAsync(areaForResidents, null, own, Ct));
        var empty = await AsAsync("secretary", s => s.EditAsync(noPass, null, own, Ct));
        var threshold = await AsAsync("secretary", s => s.EditAsync(moreThanAll, null, own, Ct));
        var nameless = await AsAsync("secretary", s => s.EditAsync(ShippedRuleSets.VillagersMeetingByAdults with { Name = "  " }, null, own, Ct));

        Assert.Equal(Outcome.Invalid, area.Outcome);
        Assert.Equal("只有按业主（专有面积和人数）计票的规则才能设面积条件。", server.Portal.TextOf(area));
        Assert.Equal("表决规则至少需要一个通过条件。", server.Portal.TextOf(empty));
        Assert.StartsWith("比例须是 0 到 1 之间的分数", server.Portal.TextOf(threshold));
        Assert.Equal("请填写表决规则名称。", server.Portal.TextOf(nameless));
        Assert.Equal(before, await StoredCountAsync());
    }

    [Theory]
    [InlineData("secretary", "other")]   // another community's
    [InlineData("secretary", "street")]  // the street's: for its administrators
    [InlineData("secretary", "shipped")] // the portal's own
    [InlineData("admin", "shipped")]
    [InlineData("resident", "own")]
    [InlineData("gridworker", "own")]
    [InlineData("member", "own")]
    [InlineData("resident2", "other")]
    public async Task Only_a_street_administrator_or_the_communitys_secretary_adds_versions(string user, string owner)
    {
        var (own, other, street) = await PlacesAsync();
        var before = await StoredCountAsync();
        var (streetId, communityId) = owner switch
        {
            "own" => ((int?)null, (int?)own),
            "other" => (null, other),
            "street" => (street, null),
            _ => (null, null),
        };

        var result = await AsAsync(user, s => s.EditAsync(ShippedRuleSets.OwnersOrdinaryMatters with { Name = "越权修改" }, streetId, communityId, Ct));

        Assert.Equal(Outcome.NotAllowed, result.Outcome);
        Assert.StartsWith("您不能修改该表决规则", server.Portal.TextOf(result));
        Assert.Equal(before, await StoredCountAsync());
    }

    [Fact]
    public void Every_error_code_the_rule_sets_return_is_localized_in_both_languages()
    {
        var codes = typeof(RuleSet).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Concat(typeof(RuleSetVersion).GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.GetRawConstantValue() is string s && s.StartsWith("Voting.RuleSet.Error.", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.True(codes.Count >= 10);
        var localizer = server.Portal.Services.GetRequiredService<IStringLocalizerFactory>().Create(typeof(VotingText));
        var ui = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var code in codes)
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
                var chinese = localizer[code];
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
                var english = localizer[code];
                Assert.False(chinese.ResourceNotFound, code);
                Assert.False(english.ResourceNotFound, code);
                Assert.NotEqual(chinese.Value, english.Value);
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
        }
    }
}
