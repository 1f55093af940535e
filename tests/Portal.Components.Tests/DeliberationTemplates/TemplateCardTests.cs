using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Web.Features.Deliberation.Templates;
using Portal.Web.Features.Deliberation.Templates.Pages;

namespace Portal.Components.Tests.DeliberationTemplates;

/// <summary>A procedure on the template page: whose it is, and each step's evidence, role and time limit.</summary>
public sealed class TemplateCardTests : PortalComponentTest
{
    private static TemplateRow Row(ScopeKind? owner) => new(9, Guid.NewGuid(), "白银七步法", owner, owner is null ? null : 1, 2,
        [ProcedureStep.Of("居民说事", PortalRole.GridWorker, null, EvidenceKind.Opinions),
         ProcedureStep.Of("民主定事", PortalRole.CommunitySecretary, 7, EvidenceKind.Vote, EvidenceKind.SignInSheet)], false);

    [Theory]
    [InlineData(null, "内置规程")]
    [InlineData(ScopeKind.Community, "本社区规程")]
    [InlineData(ScopeKind.Street, "街道规程")]
    public void The_card_names_the_version_and_whose_procedure_it_is(ScopeKind? owner, string whose)
    {
        var card = Render<TemplateCard>(p => p.Add(c => c.Template, Row(owner)));

        Assert.Equal("白银七步法（第2版）", card.Find("[data-testid=template-name]").TextContent.Trim());
        Assert.Equal(whose, card.Find("[data-testid=template-owner]").TextContent.Trim());
    }

    [Fact]
    public void Each_step_says_who_completes_it_what_it_needs_and_its_time_limit()
    {
        var card = Render<TemplateCard>(p => p.Add(c => c.Template, Row(null)));

        var steps = card.FindAll("[data-testid=template-step]");
        Assert.Equal(2, steps.Count);
        Assert.Contains("由网格员完成", steps[0].TextContent);
        Assert.Contains("意见汇总", steps[0].TextContent);
        Assert.DoesNotContain("时限", steps[0].TextContent);
        Assert.Contains("表决、签到表", steps[1].TextContent);
        Assert.Contains("时限7天", steps[1].TextContent);
    }
}
