using Portal.Domain.Voting;
using Portal.Web.Features.Localization;
using Portal.Web.Features.Voting.Votes;
using Portal.Web.Features.Voting.Votes.Components.Resident;
using Portal.Web.Kit.Results;
using static Portal.Components.Tests.VotingResident.ResidentVoteTestData;

namespace Portal.Components.Tests.VotingResident;

/// <summary>
/// The ballot page's body in each state: the question and the rule in plain words, the ballot when the resident may
/// vote, and otherwise why not — not on the roll, not yet open, already voted (when and how), closed, channel not taken.
/// </summary>
public sealed class ResidentBallotViewTests : PortalComponentTest
{
    private int _casts;

    public ResidentBallotViewTests() => UseClock(Now);

    private IRenderedComponent<ResidentBallotView> RenderView(ResidentVote vote, VoteTurnout? turnout = null, BallotChannel channel = BallotChannel.Online) =>
        Render<ResidentBallotView>(p => p.Add(v => v.Vote, vote).Add(v => v.NowUtc, Now).Add(v => v.Turnout, turnout).Add(v => v.Channel, channel)
            .Add(v => v.Cast, _ => { _casts++; return Task.FromResult(Result<CastReceipt>.Ok(new CastReceipt(Now, "ABCD-EFGH"))); }));

    [Fact]
    public void The_question_is_large_with_the_rule_in_plain_words_and_the_closing_time()
    {
        var view = RenderView(Vote(Summary()));

        Assert.Equal("是否在3号楼加装电梯", view.Find("h1[data-testid=vote-question]").TextContent);
        Assert.Equal("居民会议", view.Find("[data-testid=vote-rule-name]").TextContent);
        var rule = view.FindAll("[data-testid=vote-rule-plain] li").Select(li => li.TextContent).ToList();
        Assert.Equal(["先看参与：到会的人须达到全体有表决权者的过半数（多于一半，恰好一半不够）（按人数）。",
                      "再看同意：同意的须达到到会的人的过半数（多于一半，恰好一半不够）（按人数）。"], rule);
        Assert.Equal(PortalTime.Short(Now.AddDays(2)), view.Find("[data-testid=vote-closes]").TextContent);
        Assert.NotEmpty(view.FindAll("[data-testid=ballot-form]"));
    }

    [Fact]
    public void An_owners_rule_says_both_area_and_headcount_must_hold()
    {
        var view = RenderView(Vote(Summary(rules: ShippedRuleSets.OwnersMajorMatters), rules: ShippedRuleSets.OwnersMajorMatters));

        var rule = view.FindAll("[data-testid=vote-rule-plain] li").Select(li => li.TextContent).ToList();
        Assert.Equal(["先看参与：参加投票的人须达到全体有表决权者的2/3 以上（含本数）（人数和专有面积两项都须达到）。",
                      "再看同意：同意的须达到参加投票的人的3/4 以上（含本数）（人数和专有面积两项都须达到）。"], rule);
    }

    [Fact]
    public void Not_on_the_roll_says_why_and_offers_no_ballot()
    {
        var view = RenderView(Vote(Summary(), new MyBallot(MyBallotState.NotOnRoll, null, null, null)));

        Assert.Contains("您不在本次表决的名册上", view.Find("[data-testid=ballot-not-on-roll]").TextContent);
        Assert.Contains("每户一票", view.Find("[data-testid=ballot-not-on-roll]").TextContent);
        Assert.Empty(view.FindAll("[data-testid=ballot-form]"));
    }

    [Fact]
    public void Not_yet_open_says_when_it_opens()
    {
        var opens = Now.AddHours(3);
        var view = RenderView(Vote(Summary(opens: opens), new MyBallot(MyBallotState.NotOpen, "张三", null, null)));

        Assert.Equal($"表决尚未开始，将于 {PortalTime.Short(opens)} 开始。", view.Find("[data-testid=ballot-not-yet-open]").TextContent);
        Assert.Empty(view.FindAll("[data-testid=ballot-form]"));
    }

    [Fact]
    public void Already_voted_says_when_and_through_which_channel()
    {
        var at = new DateTime(2026, 5, 20, 2, 32, 0, DateTimeKind.Utc);
        var view = RenderView(Vote(Summary(), Voted(at, BallotChannel.Paper)));

        Assert.Equal("已于 10:32 通过纸质票投票。", view.Find("[data-testid=ballot-already-voted]").TextContent.Trim());
        Assert.Empty(view.FindAll("[data-testid=ballot-form]"));
        Assert.Empty(view.FindAll("[data-testid=ballot-result-link]"));
    }

    [Fact]
    public void A_closed_vote_links_to_its_result()
    {
        var view = RenderView(Vote(Summary(status: VoteStatus.Closed, closes: Now.AddHours(-1)), new MyBallot(MyBallotState.NotOpen, "张三", null, null)));

        Assert.Equal("表决已结束。", view.Find("[data-testid=ballot-closed]").TextContent);
        Assert.Equal("/votes/7/result", view.Find("[data-testid=ballot-result-link]").GetAttribute("href"));
        Assert.Empty(view.FindAll("[data-testid=ballot-form]"));
    }

    [Fact]
    public void A_vote_past_its_deadline_but_not_yet_closed_by_the_portal_offers_no_ballot()
    {
        var view = RenderView(Vote(Summary(closes: Now.AddMinutes(-1))));

        Assert.NotEmpty(view.FindAll("[data-testid=ballot-closed]"));
        Assert.Empty(view.FindAll("[data-testid=ballot-form]"));
    }

    [Fact]
    public void A_channel_the_vote_does_not_take_is_explained()
    {
        var view = RenderView(Vote(Summary(channels: BallotChannels.Paper | BallotChannels.OnSite)));

        Assert.Contains("不接受这种方式", view.Find("[data-testid=ballot-channel-closed]").TextContent);
        Assert.Empty(view.FindAll("[data-testid=ballot-form]"));
    }

    [Fact]
    public void A_named_vote_shows_the_turnout_and_a_secret_one_does_not()
    {
        var turnout = new VoteTurnout(40, 0m, 23, 0m, 5);

        var named = RenderView(Vote(Summary()), turnout);
        var secret = RenderView(Vote(Summary(secrecy: Secrecy.Secret)), turnout);

        Assert.Equal("已投票 23 / 40 人（57.5%）", named.Find("[data-testid=ballot-turnout]").TextContent.Trim());
        Assert.Empty(secret.FindAll("[data-testid=ballot-turnout]"));
    }

    [Fact]
    public void After_casting_here_the_receipt_stays_though_the_standing_now_says_voted()
    {
        var summary = Summary(secrecy: Secrecy.Secret);
        var view = RenderView(Vote(summary));

        view.Find("[data-testid=ballot-option-0]").Click();
        view.Find("[data-testid=ballot-cast]").Click();
        view.Render(p => p.Add(v => v.Vote, Vote(summary, Voted(Now, BallotChannel.Online))));

        Assert.Equal(1, _casts);
        Assert.Equal("ABCD-EFGH", view.Find("[data-testid=receipt-code]").TextContent);
        Assert.Empty(view.FindAll("[data-testid=ballot-already-voted]"));
    }
}
