using Portal.Domain.Voting;
using Portal.Web.Features.Voting.Votes.Export;

namespace Portal.Components.Tests.VotingExport;

/// <summary>Which papers a closed vote offers to whom: managers the announcement (and a named vote's ballots), everyone a secret vote's receipts, nobody anything before the close.</summary>
public sealed class VotePaperButtonsTests : PortalComponentTest
{
    private IReadOnlyList<(string? TestId, string? Href)> Buttons(VoteStatus status, Secrecy secrecy, bool canManage) =>
        [.. Render<VotePaperButtons>(p => p.Add(b => b.VoteId, 7).Add(b => b.Status, status).Add(b => b.Secrecy, secrecy).Add(b => b.CanManage, canManage))
            .FindAll("a[data-testid]").Select(a => (a.GetAttribute("data-testid"), a.GetAttribute("href")))];

    [Fact]
    public void A_manager_of_a_closed_named_vote_gets_the_announcement_and_the_ballots()
    {
        Assert.Equal(
            [("vote-paper-announcement", "/api/votes/7/announcement.docx"), ("vote-paper-ballots", "/api/votes/7/ballots.csv")],
            Buttons(VoteStatus.Closed, Secrecy.Named, canManage: true));
    }

    [Fact]
    public void A_secret_vote_offers_its_receipts_to_everyone_and_never_a_ballots_list()
    {
        Assert.Equal([("vote-paper-announcement", "/api/votes/7/announcement.docx"), ("vote-paper-receipts", "/api/votes/7/receipts.csv")],
            Buttons(VoteStatus.Closed, Secrecy.Secret, canManage: true));
        Assert.Equal([("vote-paper-receipts", "/api/votes/7/receipts.csv")], Buttons(VoteStatus.Closed, Secrecy.Secret, canManage: false));
    }

    [Fact]
    public void Nothing_before_the_close_nor_for_a_resident_of_a_named_vote()
    {
        Assert.Empty(Buttons(VoteStatus.Open, Secrecy.Named, canManage: true));
        Assert.Empty(Buttons(VoteStatus.Open, Secrecy.Secret, canManage: false));
        Assert.Empty(Buttons(VoteStatus.Closed, Secrecy.Named, canManage: false));
    }

    [Fact]
    public void The_buttons_speak_Chinese()
    {
        var buttons = Render<VotePaperButtons>(p => p.Add(b => b.VoteId, 7).Add(b => b.Status, VoteStatus.Closed).Add(b => b.Secrecy, Secrecy.Named).Add(b => b.CanManage, true));

        Assert.Equal(["结果公告（Word）", "记名投票明细（CSV）"], buttons.FindAll("a[data-testid]").Select(a => a.TextContent.Trim()));
    }
}
