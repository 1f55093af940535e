using Microsoft.EntityFrameworkCore;
using Portal.Domain.Councils;
using Portal.Domain.Deliberation;
using Portal.Domain.Directory;
using Portal.Domain.Voting;
using Portal.Testing;
using Portal.Web.Features.Localization;
using Portal.Web.Features.Voting.Votes;
using Portal.Web.Tests.Accounts;
using static Portal.Web.Tests.Voting.VotingTestData;
using ResultOutcome = Portal.Web.Kit.Results.Outcome;

namespace Portal.Web.Tests.Voting.Votes;

/// <summary>
/// The roll frozen from the directory (decision 0032): adults on the opening day (unknown birth dates counted and listed),
/// representatives, council members sitting that day, property-area scopes, and the rule set taken from the stored
/// versions the community uses.
/// </summary>
public sealed class VoteRollTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;
    private static DateOnly Today => DateOnly.FromDateTime(PortalTime.ToLocal(DateTime.UtcNow));

    /// <summary>A new building of the community's first grid (optionally in a property area) with one household.</summary>
    private Task<(int Building, int Household)> BuildingAsync(int community, int? propertyArea = null) => TestAccounts.DbAsync(Host, async db =>
    {
        var grid = await db.Grids.Where(g => g.CommunityId == community).Select(g => g.Id).FirstAsync(Ct);
        var building = new Building { GridId = grid, Name = "测试楼" + Guid.NewGuid().ToString("N")[..6], PropertyAreaId = propertyArea };
        db.Buildings.Add(building);
        await db.SaveChangesAsync(Ct);
        var household = new Household { BuildingId = building.Id, DoorNumber = "101", ExclusiveArea = 90.5m };
        db.Households.Add(household);
        await db.SaveChangesAsync(Ct);
        return (building.Id, household.Id);
    });

    private Task<int> PersonAsync(int household, string name, DateOnly? born = null, bool representative = false) => TestAccounts.DbAsync(Host, async db =>
    {
        var community = await db.Households.Where(h => h.Id == household).Select(h => h.Building!.Grid!.CommunityId).SingleAsync(Ct);
        var person = new Person { Name = name, HouseholdId = household, ResidenceCommunityId = community, BirthDate = born, IsRepresentative = representative };
        db.People.Add(person);
        await db.SaveChangesAsync(Ct);
        return person.Id;
    });

    [Fact]
    public async Task A_residents_roll_counts_adults_on_the_opening_day_and_unknown_birth_dates_which_it_lists_for_the_secretary()
    {
        var community = await CommunityAsync(Host);
        var (building, household) = await BuildingAsync(community);
        var adult = await PersonAsync(household, "成年人", new DateOnly(1980, 5, 1));
        var birthdayToday = await PersonAsync(household, "今天十八岁", Today.AddYears(-18));
        var oneDayShort = await PersonAsync(household, "明天十八岁", Today.AddYears(-18).AddDays(1));
        var child = await PersonAsync(household, "孩子", Today.AddYears(-10));
        var unknown = await PersonAsync(household, "未登记生日");
        var form = Form(community, new MatterScope(MatterScopeKind.Building, building), ShippedRuleSets.ResidentsMeeting);

        var draft = await As(Host, "secretary", s => s.CreateAsync(form, Ct));
        Assert.Equal(["未登记生日"], await As(Host, "secretary", s => s.UnconfirmedAgesAsync(draft.Id, Ct)));
        Assert.Null(await As(Host, "resident", s => s.UnconfirmedAgesAsync(draft.Id, Ct)));
        var opened = await As(Host, "secretary", s => s.OpenAsync(draft.Id, draft.Version!.Value, Ct));
        Assert.True(opened.Succeeded, Host.TextOf(opened));

        var roll = (await RollAsync(Host, draft.Id)).Select(e => e.PersonId).ToHashSet();
        Assert.Equal([adult, birthdayToday, unknown], roll.Order());
        Assert.DoesNotContain(oneDayShort, roll);
        Assert.DoesNotContain(child, roll);
    }

    [Fact]
    public async Task A_representatives_roll_holds_the_flagged_residents_of_the_scope()
    {
        var community = await CommunityAsync(Host);
        var (building, household) = await BuildingAsync(community);
        var first = await PersonAsync(household, "代表甲", representative: true);
        var second = await PersonAsync(household, "代表乙", new DateOnly(1970, 1, 1), representative: true);
        await PersonAsync(household, "居民丙");

        var voteId = await OpenVoteAsync(Host, Form(community, new MatterScope(MatterScopeKind.Building, building), ShippedRuleSets.RepresentativesMeeting));

        var roll = await RollAsync(Host, voteId);
        Assert.Equal([first, second], roll.Select(e => e.PersonId!.Value).Order());
        Assert.All(roll, e => Assert.NotNull(e.GridId));
    }

    [Fact]
    public async Task A_council_vote_counts_the_persons_sitting_on_the_communitys_council_on_the_opening_day()
    {
        var community = await CommunityAsync(Host);
        var (_, household) = await BuildingAsync(community);
        var former = await PersonAsync(household, "已卸任委员");
        await TestAccounts.DbAsync(Host, async db =>
        {
            var council = await db.Councils.Where(c => c.CommunityId == community).Select(c => c.Id).SingleAsync(Ct);
            db.CouncilMembers.Add(new CouncilMember { CouncilId = council, PersonId = former, TermFrom = Today.AddYears(-2), TermTo = Today.AddDays(-1) });
            return await db.SaveChangesAsync(Ct);
        });
        var sitting = await TestAccounts.DbAsync(Host, db => db.CouncilMembers.AsNoTracking()
            .Where(m => m.PersonId != null && db.Councils.Any(c => c.Id == m.CouncilId && c.CommunityId == community)).ToListAsync(Ct));
        var expected = sitting.Where(m => m.TermFrom <= Today && (m.TermTo is null || m.TermTo >= Today)).Select(m => m.PersonId!.Value).Distinct().Order().ToList();

        var voteId = await OpenVoteAsync(Host, Form(community, new MatterScope(MatterScopeKind.Community, community), ShippedRuleSets.CouncilShowOfHands));

        var roll = await RollAsync(Host, voteId);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, roll.Select(e => e.PersonId!.Value).Order());
        Assert.DoesNotContain(former, roll.Select(e => e.PersonId));
    }

    [Fact]
    public async Task A_council_vote_is_refused_where_the_community_has_no_council()
    {
        var other = await TestAccounts.DbAsync(Host, async db =>
        {
            var community = await CommunityAsync(Host);
            var street = await db.Communities.Where(c => c.Id == community).Select(c => c.StreetId).SingleAsync(Ct);
            var councils = await db.Councils.Where(c => c.CommunityId == community).ToListAsync(Ct);
            // Give the secretary's community a second council: which one votes would be a guess.
            db.Councils.Add(new Council { Level = CouncilLevel.Community, StreetId = street, CommunityId = community, Name = "第二联席会议" });
            await db.SaveChangesAsync(Ct);
            return community;
        });
        var draft = await As(Host, "secretary", s => s.CreateAsync(Form(other, new MatterScope(MatterScopeKind.Community, other), ShippedRuleSets.CouncilShowOfHands), Ct));
        var refused = await As(Host, "secretary", s => s.OpenAsync(draft.Id, draft.Version!.Value, Ct));

        Assert.Equal(ResultOutcome.Invalid, refused.Outcome);
        Assert.Equal("本社区没有唯一的党建联席会议，不能按成员表决。", Host.TextOf(refused));
        Assert.Empty(await RollAsync(Host, draft.Id));
        await TestAccounts.DbAsync(Host, async db =>
        {
            db.Councils.RemoveRange(db.Councils.Where(c => c.Name == "第二联席会议"));
            return await db.SaveChangesAsync(Ct);
        });
    }

    [Fact]
    public async Task An_owners_vote_of_a_property_area_counts_the_owners_of_its_buildings_only_and_a_foreign_area_is_refused()
    {
        var community = await CommunityAsync(Host);
        var (area, foreignArea) = await TestAccounts.DbAsync(Host, async db =>
        {
            var other = await db.Communities.Where(c => c.Id != community).Select(c => c.Id).FirstAsync(Ct);
            var mine = new PropertyArea { CommunityId = community, Name = "一期" + Guid.NewGuid().ToString("N")[..6] };
            var theirs = new PropertyArea { CommunityId = other, Name = "外区" + Guid.NewGuid().ToString("N")[..6] };
            db.PropertyAreas.AddRange(mine, theirs);
            await db.SaveChangesAsync(Ct);
            return (mine.Id, theirs.Id);
        });
        var (_, inArea) = await BuildingAsync(community, area);
        var (_, outside) = await BuildingAsync(community);
        var owners = await TestAccounts.DbAsync(Host, async db =>
        {
            var a = new Owner { CommunityId = community, Name = "区内业主" };
            var b = new Owner { CommunityId = community, Name = "区外业主" };
            db.Owners.AddRange(a, b);
            await db.SaveChangesAsync(Ct);
            db.HouseholdOwnerships.AddRange(new HouseholdOwnership { HouseholdId = inArea, OwnerId = a.Id }, new HouseholdOwnership { HouseholdId = outside, OwnerId = b.Id });
            await db.SaveChangesAsync(Ct);
            return a.Id;
        });

        var voteId = await OpenVoteAsync(Host, Form(community, new MatterScope(MatterScopeKind.PropertyArea, area), ShippedRuleSets.OwnersMajorMatters));

        var elector = Assert.Single(await RollAsync(Host, voteId));
        Assert.Equal((owners, 90.5m), (elector.OwnerId!.Value, elector.Area));
        var foreign = await As(Host, "secretary", s => s.CreateAsync(
            Form(community, new MatterScope(MatterScopeKind.PropertyArea, foreignArea), ShippedRuleSets.OwnersMajorMatters), Ct));
        Assert.Equal(ResultOutcome.Invalid, foreign.Outcome);
        Assert.Contains("表决范围必须是本社区", Host.TextOf(foreign, nameof(VoteForm.Scope)));
    }

    [Fact]
    public async Task A_draft_takes_the_communitys_current_stored_version_of_the_rule_set_and_keeps_it_when_the_rules_change_later()
    {
        var community = await CommunityAsync(Host);
        var scope = new MatterScope(MatterScopeKind.Community, community);
        var shipped = await As(Host, "secretary", s => s.CreateAsync(Form(community, scope, ShippedRuleSets.ResidentsMeeting), Ct));
        Assert.True(shipped.Succeeded, Host.TextOf(shipped));

        var (other, otherVersion) = await TestAccounts.DbAsync(Host, async db =>
        {
            var otherCommunity = await db.Communities.Where(c => c.Id != community).Select(c => c.Id).FirstAsync(Ct);
            var next = await db.RuleSetVersions.Where(v => v.Code == ShippedRuleSets.ResidentsMeeting.Code).MaxAsync(v => v.Version, Ct) + 1;
            var (theirs, _) = RuleSetVersion.Edit(ShippedRuleSets.ResidentsMeeting with { Name = "别的社区的规则" }, next, null, otherCommunity, "test", DateTime.UtcNow);
            db.RuleSetVersions.Add(theirs!);
            await db.SaveChangesAsync(Ct);
            var (ours, _) = RuleSetVersion.Edit(ShippedRuleSets.ResidentsMeeting with { Name = "本社区居民会议规则" }, next + 1, null, community, "test", DateTime.UtcNow);
            db.RuleSetVersions.Add(ours!);
            await db.SaveChangesAsync(Ct);
            return (otherCommunity, next);
        });
        var own = await As(Host, "secretary", s => s.CreateAsync(Form(community, scope, ShippedRuleSets.ResidentsMeeting), Ct));

        var votes = await TestAccounts.DbAsync(Host, db => db.Votes.AsNoTracking().Where(v => v.Id == shipped.Id || v.Id == own.Id)
            .OrderBy(v => v.Id).Select(v => new { v.RuleSetVersion, v.RuleSetName }).ToListAsync(Ct));
        Assert.Equal((ShippedRuleSets.ResidentsMeeting.Version, ShippedRuleSets.ResidentsMeeting.Name), (votes[0].RuleSetVersion, votes[0].RuleSetName));
        Assert.Equal((otherVersion + 1, "本社区居民会议规则"), (votes[1].RuleSetVersion, votes[1].RuleSetName));
        Assert.NotEqual(community, other);

        var unknown = await As(Host, "secretary", s => s.CreateAsync(Form(community, scope, ShippedRuleSets.ResidentsMeeting) with { RuleSetCode = "no-such-rule" }, Ct));
        Assert.Equal("没有这个表决规则。", Host.TextOf(unknown, nameof(VoteForm.RuleSetCode)));
    }
}
