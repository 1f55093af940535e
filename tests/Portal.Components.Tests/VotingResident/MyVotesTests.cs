using Portal.Domain.Voting;
using Portal.Web.Features.Localization;
using Portal.Web.Features.Voting.Votes;
using Portal.Web.Features.Voting.Votes.Components.Resident;
using static Portal.Components.Tests.VotingResident.ResidentVoteTestData;
using Outcome = Portal.Domain.Voting.Outcome;

namespace Portal.Components.Tests.VotingResident;

/// <summary>"My votes" as cards: open with the closing time and a full-width "vote" button, voted (when, which channel), closed with the verdict.</summary>
public sealed class MyVotesTests : PortalComponentTest
{
    public MyVotesTests() => UseClock(Now);

    private static MyVoteRow Row(int id, VoteStatus status = VoteStatus.Open, DateTime? cast = null, BallotChannel? channel = null,
        Outcome? outcome = null, DateTime? opens = null) =>
        new(id, $"表决{id}", status, Secrecy.Named, opens ?? Now.AddHours(-1), Now.AddDays(1),
            status == VoteStatus.Closed ? Now.AddHours(-2) : null, cast, channel, outcome);

    private IRenderedComponent<MyVoteCard> Card(MyVoteRow row) => Render<MyVoteCard>(p => p.Add(c => c.Row, row).Add(c => c.NowUtc, Now));

    [Fact]
    public void An_open_vote_shows_its_closing_time_and_a_full_width_vote_button()
    {
        var card = Card(Row(3));

        Assert.Equal($"截止时间：{PortalTime.Short(Now.AddDays(1))}", card.Find("[data-testid=my-vote-time]").TextContent);
        Assert.Equal("待投票", card.Find("[data-testid=my-vote-status]").TextContent.Trim());
        var action = card.Find("[data-testid=my-vote-action]");
        Assert.Equal("去投票", action.TextContent.Trim());
        Assert.Equal("/votes/3/ballot", action.GetAttribute("href"));
        Assert.Contains("mud-width-full", action.ClassName);
    }

    [Fact]
    public void A_vote_not_yet_open_says_when_it_opens()
    {
        var card = Card(Row(3, opens: Now.AddHours(5)));

        Assert.Equal($"开始时间：{PortalTime.Short(Now.AddHours(5))}", card.Find("[data-testid=my-vote-time]").TextContent);
        Assert.Equal("未开始", card.Find("[data-testid=my-vote-status]").TextContent.Trim());
        Assert.Equal("查看", card.Find("[data-testid=my-vote-action]").TextContent.Trim());
    }

    [Fact]
    public void A_vote_voted_in_says_when_and_which_channel()
    {
        var card = Card(Row(4, cast: Now.AddMinutes(-30), channel: BallotChannel.DoorToDoor));

        Assert.Equal($"您于 {PortalTime.Short(Now.AddMinutes(-30))} 通过入户投票", card.Find("[data-testid=my-vote-cast]").TextContent);
        Assert.Equal("已投票", card.Find("[data-testid=my-vote-status]").TextContent.Trim());
    }

    [Fact]
    public void A_closed_vote_shows_its_verdict_and_links_to_the_result()
    {
        var card = Card(Row(5, VoteStatus.Closed, outcome: Outcome.NoQuorum));

        Assert.Equal("未达法定人数", card.Find("[data-testid=my-vote-verdict]").TextContent);
        Assert.Equal("/votes/5/result", card.Find("[data-testid=my-vote-action]").GetAttribute("href"));
        Assert.Equal("已结束", card.Find("[data-testid=my-vote-status]").TextContent.Trim());
    }

    [Fact]
    public void A_section_lists_its_cards_under_a_counted_heading_and_is_absent_when_empty()
    {
        var section = Render<MyVoteSection>(p => p.Add(s => s.Title, "待投票").Add(s => s.Rows, [Row(1), Row(2)]).Add(s => s.NowUtc, Now)
            .Add(s => s.TestId, "my-votes-to-vote"));
        var empty = Render<MyVoteSection>(p => p.Add(s => s.Title, "已投票").Add(s => s.Rows, []).Add(s => s.NowUtc, Now));

        Assert.Contains("待投票 (2)", section.Markup);
        Assert.Equal(["1", "2"], section.FindAll("[data-testid=my-vote-card]").Select(c => c.GetAttribute("data-vote")));
        Assert.Equal("", empty.Markup.Trim());
    }
}
