using Portal.Domain.Voting;

namespace Portal.Domain.Access;

/// <summary>
/// The one definition of who may do what with a vote; every voting service, channel rule and (next round) page asks here.
/// <list type="bullet">
/// <item><b>Manage</b> (create, change a draft, open, close, read the roll and the named results early): the managers of
/// the vote's community — its secretary and the administrator of its street.</item>
/// <item><b>View</b> (the vote, its turnout, the verdict and the published results): whoever belongs to the community in
/// any role, and its managers. A resident of another community sees nothing (the vote is "not found").</item>
/// <item><b>Vote</b>: electors on the frozen roll only, each for their own row (found from the account's linked person:
/// the person, their household, or the owner records that name them) — never a key sent by the client.</item>
/// <item><b>Record</b> a ballot for an elector (paper, door-to-door, on site for a present voter, proxy): the grid worker
/// of the elector's grid and the community's managers; never a resident as such.</item>
/// <item>Nobody reads a secret ballot's elector: the ballot row has none (decision 0030), so no right is needed to deny it.</item>
/// </list>
/// </summary>
public static class VotingAccess
{
    public static bool CanManage(Caller caller, Vote vote) => caller.IsSignedIn && caller.Policy.CanManageCommunity(vote.CommunityId);

    public static bool CanManage(Caller caller, int communityId) => caller.IsSignedIn && caller.Policy.CanManageCommunity(communityId);

    public static bool CanView(Caller caller, Vote vote) => CanView(caller, vote.CommunityId);

    public static bool CanView(Caller caller, int communityId) => caller.IsSignedIn && caller.Policy.CanViewCommunity(communityId);

    /// <summary>Whether the caller records ballots for this elector (paper, door-to-door, on site, proxy).</summary>
    public static bool CanRecordFor(Caller caller, Vote vote, VoteElector elector) =>
        CanManage(caller, vote) || (caller.IsSignedIn && elector.GridId is { } grid && caller.GridsWorked.Contains(grid));

    /// <summary>Whether the caller records ballots for anyone of this vote (sees the roll to pick from).</summary>
    public static bool CanRecordAny(Caller caller, Vote vote, IEnumerable<int> gridsOfRoll) =>
        CanManage(caller, vote) || (caller.IsSignedIn && gridsOfRoll.Any(caller.GridsWorked.Contains));

    /// <summary>Whether the roll row is the caller's own (by their linked person, and owner records naming that person).</summary>
    public static bool IsOwnRow(Caller caller, VoteElector elector, int? householdOfPerson, IReadOnlyCollection<int> ownersOfPerson) =>
        caller.IsSignedIn && caller.PersonId is { } person
        && (elector.PersonId == person
            || (elector.PersonId is null && elector.OwnerId is null && elector.HouseholdId is { } h && h == householdOfPerson)
            || (elector.OwnerId is { } owner && ownersOfPerson.Contains(owner)));
}
