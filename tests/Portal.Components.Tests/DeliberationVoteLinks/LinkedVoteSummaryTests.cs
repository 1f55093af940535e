using Portal.Domain.Voting;
using Portal.Web.Features.Deliberation.VoteLinks;

namespace Portal.Components.Tests.DeliberationVoteLinks;

/// <summary>The linked vote on the session page: a link to its page, status and turnout, and the verdict only once closed.</summary>
public sealed class LinkedVoteSummaryTests : PortalComponentTest
{
    private static LinkedVote Vote(VoteStatus status, Outcome? outcome) => new(3, Guid.NewGuid(), 12, "是否加装电梯", status, 41, 60, outcome);

    [Fact]
    public void An_open_vote_shows_its_turnout_and_no_verdict()
    {
        var summary = RenderIn<LinkedVoteSummary>("zh-CN", p => p.Add(s => s.Vote, Vote(VoteStatus.Open, null)));

        var link = summary.Find("[data-testid=linked-vote-link]");
        Assert.Equal(("/votes/12", "是否加装电梯"), (link.GetAttribute("href"), link.TextContent.Trim()));
        Assert.Equal("投票中", summary.Find("[data-testid=linked-vote-status]").TextContent.Trim());
        Assert.Equal("参与 41 / 应参与 60", summary.Find("[data-testid=linked-vote-turnout]").TextContent.Trim());
        Assert.Empty(summary.FindAll("[data-testid=linked-vote-outcome]"));
    }

    [Theory]
    [InlineData(Outcome.Passed, "zh-CN", "通过", "mud-chip-color-success")]
    [InlineData(Outcome.Failed, "zh-CN", "未通过", "mud-chip-color-error")]
    [InlineData(Outcome.NoQuorum, "zh-CN", "未达参与人数", "mud-chip-color-error")]
    [InlineData(Outcome.Passed, "en", "Passed", "mud-chip-color-success")]
    public void A_closed_vote_shows_its_verdict_as_a_word_with_its_colour(Outcome outcome, string culture, string word, string colour)
    {
        var summary = RenderIn<LinkedVoteSummary>(culture, p => p.Add(s => s.Vote, Vote(VoteStatus.Closed, outcome)));

        var chip = summary.Find("[data-testid=linked-vote-outcome]");
        Assert.Equal((word, outcome.ToString()), (chip.TextContent.Trim(), chip.GetAttribute("data-status")));
        Assert.Contains(colour, chip.ClassName);
    }
}
