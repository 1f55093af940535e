using Portal.Domain.Voting;

namespace Portal.Web.Features.Voting.Votes.Components.Entry;

/// <summary>What a staff member records for one elector from the roll.</summary>
public enum StaffEntryKind
{
    PaperBallot,
    DoorToDoorBallot,
    /// <summary>A ballot for a voter present at the meeting, recorded by staff.</summary>
    OnSiteBallot,
    ProxyBallot,
    /// <summary>The sign-in sheet: the elector is present (rule sets that count those present).</summary>
    Presence,
}

public static class StaffEntryKinds
{
    /// <summary>The ballot channel of a ballot entry; null for the sign-in.</summary>
    public static BallotChannel? Channel(this StaffEntryKind kind) => kind switch
    {
        StaffEntryKind.PaperBallot => BallotChannel.Paper,
        StaffEntryKind.DoorToDoorBallot => BallotChannel.DoorToDoor,
        StaffEntryKind.OnSiteBallot => BallotChannel.OnSite,
        StaffEntryKind.ProxyBallot => BallotChannel.Proxy,
        _ => null,
    };

    /// <summary>
    /// What staff may record for a roll row of a vote accepting <paramref name="channels"/>: each staff channel it accepts,
    /// and the sign-in when its rule counts those present. Online is the voter's own, so it is never offered.
    /// </summary>
    public static IReadOnlyList<StaffEntryKind> Offered(BallotChannels channels, bool countsPresence) =>
    [
        .. Enum.GetValues<StaffEntryKind>().Where(k => k.Channel() is { } c ? channels.Accepts(c) : countsPresence),
    ];
}
