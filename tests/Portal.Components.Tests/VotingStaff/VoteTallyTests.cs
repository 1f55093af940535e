using Portal.Domain.Voting;
using Portal.Web.Features.Voting;
using Portal.Web.Features.Voting.Votes;
using Portal.Web.Features.Voting.Votes.Components.Staff;

namespace Portal.Components.Tests.VotingStaff;

/// <summary>The rule in words, the live turnout bars with their quorum lines, and the turnout kept while events race.</summary>
public sealed class VoteTallyTests : PortalComponentTest
{
    [Fact]
    public void An_owners_rule_reads_as_area_and_headcount_with_the_laws_counting_words()
    {
        var rule = Render<RuleDescription>(p => p.Add(r => r.Rules, ShippedRuleSets.OwnersMajorMatters));

        Assert.Equal("选民：业主，每位业主一票，计其全部专有面积。", rule.Find("[data-testid=rule-base]").TextContent);
        Assert.Equal("有效：参与表决的占全体选民的专有面积2/3 以上（含本数），且人数2/3 以上（含本数）。", rule.Find("[data-testid=rule-quorum]").TextContent);
        Assert.Equal("通过：同意的占参与表决的专有面积3/4 以上（含本数），且人数3/4 以上（含本数）。", rule.Find("[data-testid=rule-pass]").TextContent);
    }

    [Fact]
    public void More_than_half_is_said_as_such_and_a_rule_without_quorum_says_so()
    {
        var residents = Render<RuleDescription>(p => p.Add(r => r.Rules, ShippedRuleSets.ResidentsMeeting));
        var council = Render<RuleDescription>(p => p.Add(r => r.Rules, ShippedRuleSets.CouncilShowOfHands));

        Assert.Equal("有效：到会的占全体选民的人数过半数（超过一半）。", residents.Find("[data-testid=rule-quorum]").TextContent);
        Assert.Equal("无需达到法定人数。", council.Find("[data-testid=rule-quorum]").TextContent);
        Assert.Equal("通过：同意的占全体选民的人数过半数（超过一半）。", council.Find("[data-testid=rule-pass]").TextContent);
    }

    [Fact]
    public void Turnout_shows_headcount_and_area_with_the_quorum_line_where_the_rule_puts_it()
    {
        var panel = Render<TurnoutPanel>(p => p.Add(t => t.Participants, 2).Add(t => t.EntitledCount, 3)
            .Add(t => t.ParticipatingArea, 90m).Add(t => t.EntitledArea, 100m).Add(t => t.ShowArea, true)
            .Add(t => t.QuorumLines, ShippedRuleSets.OwnersMajorMatters.Quorum));

        Assert.Equal("2 / 3 人", panel.Find("[data-testid=turnout-headcount-figures]").TextContent);
        Assert.Equal("66.7%", panel.Find("[data-testid=turnout-headcount-percent]").TextContent);
        Assert.Equal("90 / 100 平方米", panel.Find("[data-testid=turnout-area-figures]").TextContent);
        Assert.Contains("left:66.67%", panel.Find("[data-testid=turnout-area-quorum]").GetAttribute("style"));
        Assert.Contains("法定线 ≥ 2/3", panel.Find("[data-testid=turnout-headcount]").TextContent);
    }

    [Fact]
    public void A_headcount_vote_has_no_area_bar_and_no_line_without_a_quorum_over_participation()
    {
        var panel = Render<TurnoutPanel>(p => p.Add(t => t.Participants, 0).Add(t => t.EntitledCount, 0));

        Assert.Empty(panel.FindAll("[data-testid=turnout-area]"));
        Assert.Empty(panel.FindAll("[data-testid=turnout-headcount-quorum]"));
        Assert.Equal("—", panel.Find("[data-testid=turnout-headcount-percent]").TextContent);
    }

    [Fact]
    public void Live_turnout_keeps_the_largest_figures_seen()
    {
        var turnout = new LiveTurnout();
        turnout.Load(new VoteTurnout(10, 500m, 3, 150m, 7));

        // Two ballots committed together: the second event counted without the first.
        turnout.Apply(new VoteTurnoutChanged(5, 260m));
        turnout.Apply(new VoteTurnoutChanged(4, 200m));
        // A snapshot read before the last event was applied.
        turnout.Load(new VoteTurnout(10, 500m, 4, 200m, 8));

        Assert.Equal((10, 500m, 5, 260m), (turnout.EntitledCount, turnout.EntitledArea, turnout.Participants, turnout.ParticipatingArea));
    }
}
