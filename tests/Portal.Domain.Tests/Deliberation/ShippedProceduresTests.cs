using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using static Portal.Domain.Deliberation.EvidenceKind;

namespace Portal.Domain.Tests.Deliberation;

public sealed class ShippedProceduresTests
{
    [Fact]
    public void Hangzhou_has_its_seven_steps_in_order_ending_with_notice_implementation_and_ratings()
    {
        var t = ShippedProcedures.Hangzhou(ScopeKind.Community, 1);

        Assert.Equal(["提议题", "出主意", "拟方案", "开言路", "定公约", "说了算", "有回音"], t.Steps.Select(s => s.Name));
        Assert.Equal([Vote], t.Steps[5].RequiredEvidence);
        Assert.Equal([EvidenceKind.PublicNotice, ImplementationRecord, Ratings], t.Steps[6].RequiredEvidence);
        Assert.Equal(ShippedProcedures.CommentWindowDays, t.Steps[3].TimeLimitDays);
    }

    [Fact]
    public void Baiyin_has_its_seven_steps_with_grid_workers_collecting_and_the_street_resolving_hard_cases()
    {
        var t = ShippedProcedures.Baiyin(ScopeKind.Street, 2);

        Assert.Equal(["居民说事", "下沉听事", "公开议事", "民主定事", "合力办事", "破解难事", "群众评事"], t.Steps.Select(s => s.Name));
        Assert.Equal(PortalRole.GridWorker, t.Steps[0].CompletedBy);
        Assert.Equal(PortalRole.StreetAdministrator, t.Steps[5].CompletedBy);
        Assert.Equal([Vote], t.Steps[3].RequiredEvidence);
        Assert.Equal([Ratings], t.Steps[6].RequiredEvidence);
    }

    [Fact]
    public void Four_deliberations_two_disclosures_decides_by_vote_then_publishes_twice()
    {
        var t = ShippedProcedures.FourDeliberationsTwoDisclosures(ScopeKind.Community, 1);

        Assert.Equal(6, t.Steps.Length);
        Assert.Contains(Vote, t.Steps[3].RequiredEvidence);
        Assert.Contains(EvidenceKind.PublicNotice, t.Steps[4].RequiredEvidence);
        Assert.Contains(EvidenceKind.PublicNotice, t.Steps[5].RequiredEvidence);
    }

    [Fact]
    public void Five_by_residents_raises_discusses_decides_does_and_rates()
    {
        var t = ShippedProcedures.FiveByResidents(ScopeKind.Community, 1);

        Assert.Equal(["民提", "民议", "民决", "民办", "民评"], t.Steps.Select(s => s.Name));
        Assert.Equal([Ratings], t.Steps[^1].RequiredEvidence);
    }

    [Fact]
    public void Every_shipped_procedure_is_version_1_of_the_given_owner_with_distinct_names_and_keys()
    {
        var all = ShippedProcedures.All(ScopeKind.Community, 7);

        Assert.Equal(4, all.Count);
        Assert.All(all, t => Assert.Equal((1, ScopeKind.Community, 7), (t.Version, t.OwnerScope, t.OwnerId)));
        Assert.Equal(4, all.Select(t => t.Name).Distinct().Count());
        Assert.Equal(4, all.Select(t => t.Key).Distinct().Count());
    }

    [Fact]
    public void The_global_set_has_the_same_steps_under_keys_fixed_for_good_and_no_owner()
    {
        var global = ShippedProcedures.Global();
        var owned = ShippedProcedures.All(ScopeKind.Community, 7);

        Assert.Equal(owned.Select(t => t.Name), global.Select(t => t.Name));
        Assert.All(global.Zip(owned), p => Assert.Equal(p.Second.Steps, p.First.Steps));
        Assert.All(global, t => Assert.Equal((1, (ScopeKind?)null, (int?)null, true), (t.Version, t.OwnerScope, t.OwnerId, t.IsShipped)));
        // Fixed: the seeder finds them again on every start.
        Assert.Equal(global.Select(t => t.Key), ShippedProcedures.Global().Select(t => t.Key));
        Assert.Equal(4, global.Select(t => t.Key).Distinct().Count());
    }

    [Fact]
    public void A_shipped_template_serves_every_community_and_is_not_revised_in_place()
    {
        var hangzhou = ShippedProcedures.Global()[0];

        Assert.True(hangzhou.Serves(3, 1));
        Assert.True(hangzhou.Serves(99, null));
        Assert.Equal((null, ProcedureTemplate.ErrorOwner), hangzhou.Revise("改", hangzhou.Steps));
    }

    [Fact]
    public void In_every_shipped_procedure_the_vote_comes_before_the_notice_and_the_notice_before_implementation()
    {
        foreach (var t in ShippedProcedures.All(ScopeKind.Community, 1))
        {
            int First(EvidenceKind kind) => t.Steps.ToList().FindIndex(s => s.RequiredEvidence.Contains(kind));
            Assert.True(First(Vote) >= 0, t.Name);
            Assert.True(First(Vote) < First(EvidenceKind.PublicNotice), t.Name);
            Assert.True(First(EvidenceKind.PublicNotice) <= First(ImplementationRecord), t.Name);
        }
    }

    [Theory]
    [InlineData(ScopeKind.Grid, 1)]
    [InlineData(ScopeKind.Community, 0)]
    public void A_shipped_procedure_is_made_only_for_a_community_or_street(ScopeKind scope, int ownerId)
    {
        Assert.Throws<ArgumentException>(() => ShippedProcedures.All(scope, ownerId));
    }
}
