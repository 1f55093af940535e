using Bunit;
using Portal.Domain.Voting;
using Portal.Web.Features.Voting.Votes;
using Portal.Web.Features.Voting.Votes.Components.Entry;

namespace Portal.Components.Tests.VotingEntry;

/// <summary>A roll row offers staff what the vote lets them record, and nothing else.</summary>
public sealed class RollRowEntryTests : PortalComponentTest
{
    private static RollRow Row() => new(42, "张桂兰", 87.34m, 3, null, null, true);

    [Fact]
    public void Staff_are_offered_the_staff_channels_the_vote_accepts_and_the_sign_in_only_where_presence_counts()
    {
        Assert.Equal([StaffEntryKind.PaperBallot, StaffEntryKind.DoorToDoorBallot],
            StaffEntryKinds.Offered(BallotChannels.Online | BallotChannels.Paper | BallotChannels.DoorToDoor, countsPresence: false));
        Assert.Equal([StaffEntryKind.OnSiteBallot, StaffEntryKind.ProxyBallot, StaffEntryKind.Presence],
            StaffEntryKinds.Offered(BallotChannels.OnSite | BallotChannels.Proxy, countsPresence: true));
        Assert.Empty(StaffEntryKinds.Offered(BallotChannels.Online, countsPresence: false));
    }

    [Fact]
    public void The_row_shows_a_button_per_offered_kind_in_chinese()
    {
        var entry = Render<RollRowEntry>(p => p.Add(e => e.VoteId, 7).Add(e => e.Elector, Row())
            .Add(e => e.Kinds, [StaffEntryKind.PaperBallot, StaffEntryKind.Presence]));

        Assert.Equal("纸质票", entry.Find("[data-testid=entry-kind-PaperBallot]").TextContent.Trim());
        Assert.Equal("签到", entry.Find("[data-testid=entry-kind-Presence]").TextContent.Trim());
        Assert.Empty(entry.FindAll("[data-testid=entry-kind-DoorToDoorBallot]"));
    }
}
