using Portal.Domain.Deliberation;
using Portal.Domain.Voting;
using Portal.Testing;
using Portal.Web.Features.Voting.Votes;
using Portal.Web.Kit.Results;

namespace Portal.Screenshots;

/// <summary>
/// The votes the user guide's voting pages show, brought about through the services on the throw-away portal: an owners'
/// vote of 1号楼 under way (half its owners voted on paper), one closed with its verdict, and an open secret residents'
/// vote; <see cref="Owner"/> is an owner of 1号楼 with an account who has not voted yet.
/// </summary>
public sealed record VoteShots(int Open, int Closed, int Secret, string Owner)
{
    public string Resolve(string path) => path
        .Replace("{vote-open}", Open.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{vote-closed}", Closed.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{vote-secret}", Secret.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public static async Task<VoteShots> ArrangeAsync(PortalHost host)
    {
        var building = new MatterScope(MatterScopeKind.Building, await VotingScenes.BuildingAsync(host, "1号楼"));
        var owners = await VotingScenes.OwnerAccountsAsync(host, building.Id, 2, "owner");

        var closed = await VotingScenes.OpenVoteAsync(host, building, "1号楼楼道粉刷及扶手更换", ShippedRuleSets.OwnersOrdinaryMatters);
        var roll = await VotingScenes.RollAsync(host, closed);
        var voters = roll.Where(e => e.OwnerId != owners[0].OwnerId).Take(roll.Count * 5 / 6).ToList();
        for (var i = 0; i < voters.Count; i++)
            await VotingScenes.PaperBallotAsync(host, closed, voters[i].Id, $"F-{i + 1:000}", i % 7 == 3 ? BallotQuestion.Disagree : BallotQuestion.Agree);
        var version = (await host.AsAsync<VoteService, VoteSummary?>("secretary", s => s.SummaryAsync(closed)))!.Version;
        var close = await host.AsAsync<VoteService, Result<VoteSummary>>("secretary", s => s.CloseAsync(closed, version));
        if (!close.Succeeded) throw new InvalidOperationException(host.TextOf(close));

        var open = await VotingScenes.OpenVoteAsync(host, building, "1号楼加装电梯", ShippedRuleSets.OwnersMajorMatters);
        roll = await VotingScenes.RollAsync(host, open);
        var early = roll.Where(e => owners.All(o => o.OwnerId != e.OwnerId)).Take(roll.Count / 2).ToList();
        for (var i = 0; i < early.Count; i++)
            await VotingScenes.PaperBallotAsync(host, open, early[i].Id, $"A-{i + 1:000}", BallotQuestion.Agree);
        var online = await host.AsAsync<VoteService, Result<CastReceipt>>(owners[1].UserName,
            s => s.CastAsync(new CastCommand(open, BallotChannel.Online, [BallotQuestion.Agree])));
        if (!online.Succeeded) throw new InvalidOperationException(host.TextOf(online));

        var community = await VotingScenes.CommunityAsync(host);
        var secret = await VotingScenes.OpenVoteAsync(host, new MatterScope(MatterScopeKind.Community, community), "社区停车收费标准调整",
            ShippedRuleSets.ResidentsMeeting, Secrecy.Secret, BallotChannels.Online | BallotChannels.OnSite);
        return new VoteShots(open, closed, secret, owners[0].UserName);
    }
}
