using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using static Portal.Domain.Deliberation.EvidenceKind;

namespace Portal.Domain.Tests.Deliberation;

public sealed class ProcedureTemplateTests
{
    private static readonly ProcedureStep Raise = ProcedureStep.Of("提议题", PortalRole.CommunitySecretary, null, Opinions);
    private static readonly ProcedureStep Decide = ProcedureStep.Of("说了算", PortalRole.CommunitySecretary, 10, Vote);

    [Fact]
    public void A_new_template_is_version_1_with_its_steps_in_order_and_cleaned_names()
    {
        var (template, error) = ProcedureTemplate.Create("  小区议事 ", ScopeKind.Community, 3, [Raise with { Name = " 提议题 " }, Decide]);

        Assert.Null(error);
        Assert.Equal("小区议事", template!.Name);
        Assert.Equal(1, template.Version);
        Assert.Equal((ScopeKind.Community, 3), (template.OwnerScope, template.OwnerId));
        Assert.Equal(["提议题", "说了算"], template.Steps.Select(s => s.Name));
        Assert.Equal(10, template.Steps[1].TimeLimitDays);
    }

    [Fact]
    public void Revising_makes_the_next_version_with_the_same_key_and_owner_and_leaves_the_old_version_as_it_was()
    {
        var v1 = ProcedureTemplate.Create("议事", ScopeKind.Street, 1, [Raise, Decide]).Template!;

        var (v2, error) = v1.Revise("议事（修订）", [Decide]);

        Assert.Null(error);
        Assert.Equal((2, v1.Key, ScopeKind.Street, 1), (v2!.Version, v2.Key, v2.OwnerScope, v2.OwnerId));
        Assert.Equal(["说了算"], v2.Steps.Select(s => s.Name));
        Assert.Equal(["提议题", "说了算"], v1.Steps.Select(s => s.Name));
        Assert.Equal(1, v1.Version);
    }

    [Fact]
    public void A_refused_revision_makes_no_version()
    {
        var v1 = ProcedureTemplate.Create("议事", ScopeKind.Community, 1, [Raise]).Template!;

        Assert.Equal((null, ProcedureTemplate.ErrorNoSteps), v1.Revise("议事", []));
        Assert.Equal(1, v1.Version);
    }

    public static TheoryData<ScopeKind, int, string, ProcedureStep[], string> Invalid => new()
    {
        { ScopeKind.Grid, 1, "议事", [Raise], ProcedureTemplate.ErrorOwner },
        { ScopeKind.Unit, 1, "议事", [Raise], ProcedureTemplate.ErrorOwner },
        { ScopeKind.Community, 0, "议事", [Raise], ProcedureTemplate.ErrorOwner },
        { ScopeKind.Community, 1, " ", [Raise], ProcedureTemplate.ErrorName },
        { ScopeKind.Community, 1, new string('议', ProcedureTemplate.NameMaxLength + 1), [Raise], ProcedureTemplate.ErrorName },
        { ScopeKind.Community, 1, "议事", [], ProcedureTemplate.ErrorNoSteps },
        { ScopeKind.Community, 1, "议事", Enumerable.Range(1, ProcedureTemplate.StepsMax + 1).Select(i => Raise with { Name = $"步{i}" }).ToArray(), ProcedureTemplate.ErrorTooManySteps },
        { ScopeKind.Community, 1, "议事", [Raise with { Name = "" }], ProcedureTemplate.ErrorStepName },
        { ScopeKind.Community, 1, "议事", [Raise with { Name = new string('步', ProcedureStep.NameMaxLength + 1) }], ProcedureTemplate.ErrorStepName },
        { ScopeKind.Community, 1, "议事", [Raise, Decide with { Name = " 提议题" }], ProcedureTemplate.ErrorDuplicateStepName },
        { ScopeKind.Community, 1, "议事", [Raise with { RequiredEvidence = [] }], ProcedureTemplate.ErrorEvidence },
        { ScopeKind.Community, 1, "议事", [Raise with { RequiredEvidence = [Opinions, Opinions] }], ProcedureTemplate.ErrorEvidence },
        { ScopeKind.Community, 1, "议事", [Raise with { RequiredEvidence = [(EvidenceKind)99] }], ProcedureTemplate.ErrorEvidence },
        { ScopeKind.Community, 1, "议事", [Raise with { CompletedBy = (PortalRole)99 }], ProcedureTemplate.ErrorRole },
        { ScopeKind.Community, 1, "议事", [Raise with { TimeLimitDays = 0 }], ProcedureTemplate.ErrorTimeLimit },
        { ScopeKind.Community, 1, "议事", [Raise with { TimeLimitDays = ProcedureStep.TimeLimitMaxDays + 1 }], ProcedureTemplate.ErrorTimeLimit },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void An_invalid_template_is_refused_with_the_rule_it_breaks(ScopeKind scope, int ownerId, string name, ProcedureStep[] steps, string expected)
    {
        Assert.Equal((null, expected), ProcedureTemplate.Create(name, scope, ownerId, steps));
    }

    [Fact]
    public void The_limits_themselves_are_accepted()
    {
        var steps = Enumerable.Range(1, ProcedureTemplate.StepsMax)
            .Select(i => Raise with { Name = $"步{i}".PadRight(ProcedureStep.NameMaxLength, '步'), TimeLimitDays = i == 1 ? 1 : ProcedureStep.TimeLimitMaxDays });

        var (template, error) = ProcedureTemplate.Create(new string('议', ProcedureTemplate.NameMaxLength), ScopeKind.Community, 1, steps);

        Assert.Null(error);
        Assert.Equal(ProcedureTemplate.StepsMax, template!.Steps.Length);
    }

    [Theory]
    [InlineData(ScopeKind.Community, 5, 5, 2, true)]
    [InlineData(ScopeKind.Community, 5, 6, 2, false)]
    [InlineData(ScopeKind.Street, 2, 5, 2, true)]
    [InlineData(ScopeKind.Street, 2, 5, 3, false)]
    [InlineData(ScopeKind.Street, 2, 5, null, false)]
    public void A_template_serves_its_own_community_or_every_community_of_its_street(ScopeKind scope, int ownerId, int communityId, int? streetOfCommunity, bool serves)
    {
        var template = ProcedureTemplate.Create("议事", scope, ownerId, [Raise]).Template!;

        Assert.Equal(serves, template.Serves(communityId, streetOfCommunity));
    }

    [Fact]
    public void Steps_compare_by_value_evidence_included()
    {
        var a = ProcedureStep.Of("定事", PortalRole.CommunitySecretary, 3, EvidenceKind.Vote, EvidenceKind.SignInSheet);

        Assert.Equal(a, ProcedureStep.Of("定事", PortalRole.CommunitySecretary, 3, EvidenceKind.Vote, EvidenceKind.SignInSheet));
        Assert.Equal(a.GetHashCode(), ProcedureStep.Of("定事", PortalRole.CommunitySecretary, 3, EvidenceKind.Vote, EvidenceKind.SignInSheet).GetHashCode());
        Assert.NotEqual(a, ProcedureStep.Of("定事", PortalRole.CommunitySecretary, 3, EvidenceKind.SignInSheet, EvidenceKind.Vote));
        Assert.NotEqual(a, ProcedureStep.Of("定事", PortalRole.CommunitySecretary, null, EvidenceKind.Vote, EvidenceKind.SignInSheet));
    }
}
