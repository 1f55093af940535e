using Portal.Domain.WorkItems;
using Portal.Web.Features.Lists;

namespace Portal.Components.Tests.ListsCommitments;

/// <summary>评诺's three scores: each error under its own field, what is typed read as a number (or as none), both languages.</summary>
public sealed class CommitmentScoresTests : PortalComponentTest
{
    [Fact]
    public void Each_error_shows_under_its_own_field_and_the_others_show_none()
    {
        var scores = Render<CommitmentScores>(p => p.Add(s => s.Errors, new Dictionary<string, string>
        {
            [CommitmentRules.ResidentScoreField] = "评分须在 0 到 100 之间。",
        }));

        Assert.Equal("评分须在 0 到 100 之间。", scores.Find("[data-testid=assess-resident-error]").TextContent.Trim());
        Assert.Empty(scores.FindAll("[data-testid=assess-member-error]"));
        Assert.Empty(scores.FindAll("[data-testid=assess-organization-error]"));
    }

    [Fact]
    public void What_is_typed_reaches_the_form_as_a_number_and_an_unreadable_box_as_no_score()
    {
        decimal? member = 1, organization = 1;
        var scores = Render<CommitmentScores>(p => p
            .Add(s => s.MemberChanged, v => member = v)
            .Add(s => s.OrganizationChanged, v => organization = v));

        scores.Find("input[data-testid=assess-member]").Input("92.5");
        scores.Find("input[data-testid=assess-organization]").Input("九十");

        Assert.Equal(92.5m, member);
        Assert.Null(organization);
    }

    [Theory]
    [InlineData("zh-CN", "党员评分", "群众评分", "组织评分")]
    [InlineData("en", "Members' score", "Residents' score", "Organisation's score")]
    public void The_fields_are_labelled_in_the_users_language_with_the_scores_given(string culture, string member, string resident, string organization)
    {
        var scores = RenderIn<CommitmentScores>(culture, p => p.Add(s => s.Member, 92m).Add(s => s.Resident, 88m).Add(s => s.Organization, 90m));

        var labels = scores.FindAll("label").Select(l => l.TextContent.Trim()).ToList();
        Assert.Contains(member, labels);
        Assert.Contains(resident, labels);
        Assert.Contains(organization, labels);
        Assert.Equal("88", scores.Find("input[data-testid=assess-resident]").GetAttribute("value"));
    }
}
