using Portal.Domain.WorkItems;
using Portal.Web.Features.Lists;

namespace Portal.Components.Tests.ListsWorkItems;

/// <summary>An item's status chip: its word in the user's language (a commitment's own words), one colour per meaning.</summary>
public sealed class StatusBadgeTests : PortalComponentTest
{
    [Theory]
    [InlineData(WorkItemStatus.Raised, "mud-chip-color-info")]
    [InlineData(WorkItemStatus.Triaged, "mud-chip-color-info")]
    [InlineData(WorkItemStatus.Dispatched, "mud-chip-color-warning")]
    [InlineData(WorkItemStatus.InProgress, "mud-chip-color-warning")]
    [InlineData(WorkItemStatus.Reported, "mud-chip-color-success")]
    [InlineData(WorkItemStatus.Rated, "mud-chip-color-success")]
    [InlineData(WorkItemStatus.Closed, "mud-chip-color-default")]
    [InlineData(WorkItemStatus.Rejected, "mud-chip-color-default")]
    public void Each_status_has_the_colour_of_its_meaning_and_names_itself(WorkItemStatus status, string colour)
    {
        var badge = Render<StatusBadge>(p => p.Add(b => b.Status, status).Add(b => b.TestId, "need-status"));

        var chip = badge.Find("[data-testid=need-status]");
        Assert.Contains(colour, chip.ClassName);
        Assert.Equal(status.ToString(), chip.GetAttribute("data-status"));
        Assert.False(string.IsNullOrWhiteSpace(chip.TextContent));
    }

    [Theory]
    [InlineData("zh-CN", null, "已提出")]
    [InlineData("en", null, "Raised")]
    [InlineData("zh-CN", WorkItemKind.Commitment, "待审核")]
    [InlineData("en", WorkItemKind.Commitment, "Awaiting vetting")]
    public void The_word_is_in_the_users_language_and_a_commitment_has_its_own(string culture, WorkItemKind? kind, string word)
    {
        var badge = RenderIn<StatusBadge>(culture, p => p.Add(b => b.Status, WorkItemStatus.Raised).Add(b => b.Kind, kind).Add(b => b.TestId, "s"));

        Assert.Equal(word, badge.Find("[data-testid=s]").TextContent.Trim());
    }
}
