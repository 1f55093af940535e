using Portal.Domain.Voting;
using Portal.Web.Features.Voting.Votes;
using Portal.Web.Features.Voting.Votes.Components.Staff;

namespace Portal.Components.Tests.VotingStaff;

/// <summary>The managers' votes list: cards, status words, turnout and verdict where they exist, the empty state's next action.</summary>
public sealed class VoteListTests : PortalComponentTest
{
    private static VoteListRow Row(int id, VoteStatus status, Outcome? outcome = null) =>
        new(id, "幸福社区", "议题" + id, status, "居民会议", Secrecy.Named, new DateTime(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 12, 8, 10, 0, 0, DateTimeKind.Utc), status == VoteStatus.Draft ? 0 : 120, status == VoteStatus.Draft ? 0 : 45, outcome);

    [Theory]
    [InlineData(VoteStatus.Draft, "草稿", "Info")]
    [InlineData(VoteStatus.Open, "进行中", "Warning")]
    [InlineData(VoteStatus.Closed, "已结束", "Neutral")]
    public void A_status_is_a_word_with_its_tone(VoteStatus status, string word, string tone)
    {
        var chip = Render<VoteStatusChip>(p => p.Add(c => c.Status, status));

        var element = chip.Find("[data-testid=vote-status]");
        Assert.Equal(word, element.TextContent.Trim());
        Assert.Equal(tone, element.GetAttribute("data-tone"));
        Assert.Equal(status.ToString(), element.GetAttribute("data-status"));
    }

    [Fact]
    public void An_empty_list_offers_to_start_a_vote()
    {
        var list = Render<VoteListView>(p => p.Add(l => l.Rows, []).Add(l => l.EmptyText, "还没有表决。").Add(l => l.CanCreate, true));

        Assert.Contains("还没有表决。", list.Find("[data-testid=votes-empty]").TextContent);
        var start = list.Find("[data-testid=votes-empty-create]");
        Assert.Equal("开始一次表决", start.TextContent.Trim());
        Assert.EndsWith("/votes/new", start.GetAttribute("href"));
    }

    [Fact]
    public void A_list_empty_by_its_filter_does_not_offer_to_start_one()
    {
        var list = Render<VoteListView>(p => p.Add(l => l.Rows, []).Add(l => l.EmptyText, "没有符合条件的表决。").Add(l => l.CanCreate, false));

        Assert.Contains("没有符合条件的表决。", list.Markup);
        Assert.Empty(list.FindAll("[data-testid=votes-empty-create]"));
    }

    [Fact]
    public void Each_vote_is_a_card_linking_to_its_page_with_turnout_once_open_and_the_verdict_once_closed()
    {
        var list = Render<VoteListView>(p => p.Add(l => l.Rows, [Row(1, VoteStatus.Draft), Row(2, VoteStatus.Open), Row(3, VoteStatus.Closed, Outcome.Passed)]));

        var cards = list.FindAll("[data-testid=vote-card]");
        Assert.Equal(3, cards.Count);
        Assert.EndsWith("/votes/2", cards[1].QuerySelector("[data-testid=vote-title]")!.GetAttribute("href"));
        Assert.Null(cards[0].QuerySelector("[data-testid=vote-turnout]"));
        Assert.Equal("已投票 45 / 120", cards[1].QuerySelector("[data-testid=vote-turnout]")!.TextContent.Trim());
        Assert.Null(cards[1].QuerySelector("[data-testid=vote-outcome]"));
        Assert.Equal("通过", cards[2].QuerySelector("[data-testid=vote-outcome]")!.TextContent.Trim());
        Assert.Contains("记名", cards[0].TextContent);
    }

    [Fact]
    public void The_list_speaks_english_too()
    {
        var list = RenderIn<VoteListView>("en", p => p.Add(l => l.Rows, [Row(2, VoteStatus.Open)]));

        Assert.Equal("Open", list.Find("[data-testid=vote-status]").TextContent.Trim());
        Assert.Equal("Voted 45 of 120", list.Find("[data-testid=vote-turnout]").TextContent.Trim());
    }
}
