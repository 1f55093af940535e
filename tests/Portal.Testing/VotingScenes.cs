using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Domain.Directory;
using Portal.Domain.Voting;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Platform;
using Portal.Web.Features.Voting.Votes;
using Portal.Web.Kit.Files;
using Portal.Web.Kit.Results;

namespace Portal.Testing;

/// <summary>An owner of one unit who has an account: the account's user name, the owner's name on the roll, and the owner record.</summary>
public sealed record OwnerAccount(string UserName, string Name, int OwnerId);

/// <summary>
/// Votes on the demo data brought to a point through the services, for the browser tests and the user guide's
/// screenshots: owners of a building given accounts, a vote drafted and opened by the secretary, ballots recorded.
/// </summary>
public static class VotingScenes
{
    /// <summary>青年湖社区: "secretary" manages it, "gridworker" works its first grid (1号楼 and 2号楼), "resident" lives there.</summary>
    public static async Task<int> CommunityAsync(PortalHost portal, CancellationToken ct = default)
    {
        await using var db = await portal.NewDbContextAsync(ct);
        return await db.Communities.Where(c => c.Name == DemoDataSeeder.CommunityNames[0]).Select(c => c.Id).SingleAsync(ct);
    }

    /// <summary>A building of 青年湖社区 by name ("1号楼" lies in the grid worker's grid).</summary>
    public static async Task<int> BuildingAsync(PortalHost portal, string name, CancellationToken ct = default)
    {
        var community = await CommunityAsync(portal, ct);
        await using var db = await portal.NewDbContextAsync(ct);
        return await db.Buildings.Where(b => b.Name == name && b.Grid!.CommunityId == community).Select(b => b.Id).SingleAsync(ct);
    }

    /// <summary>
    /// <paramref name="count"/> owners of the building who own exactly one unit there and live in it, each given an account
    /// (a resident of the community) by the street's administrator through the account service. The demo directory makes
    /// an owner who lives in their flat that person (<c>Owner.PersonId</c>), as the household import does for a new owner
    /// with a resident's name and phone.
    /// </summary>
    public static async Task<IReadOnlyList<OwnerAccount>> OwnerAccountsAsync(PortalHost portal, int buildingId, int count, string prefix,
        CancellationToken ct = default)
    {
        var community = await CommunityAsync(portal, ct);
        List<(int OwnerId, int PersonId, string PersonName, string OwnerName)> picked;
        await using (var db = await portal.NewDbContextAsync(ct))
        {
            var linked = await db.Users.Where(u => u.PersonId != null).Select(u => u.PersonId!.Value).ToListAsync(ct);
            var candidates = await db.HouseholdOwnerships.AsNoTracking()
                .Where(o => o.Household!.BuildingId == buildingId && o.Owner!.Kind == OwnerKind.Individual && o.Owner.PersonId != null
                            && o.Owner.Person!.HouseholdId == o.HouseholdId
                            && db.HouseholdOwnerships.Count(x => x.OwnerId == o.OwnerId) == 1
                            && db.HouseholdOwnerships.Count(x => x.HouseholdId == o.HouseholdId) == 1)
                .OrderBy(o => o.HouseholdId)
                .Select(o => new { o.OwnerId, OwnerName = o.Owner!.Name, PersonId = o.Owner.PersonId!.Value, PersonName = o.Owner.Person!.Name })
                .ToListAsync(ct);
            picked = [.. candidates.Where(c => !linked.Contains(c.PersonId)).Take(count)
                .Select(c => (c.OwnerId, c.PersonId, c.PersonName, c.OwnerName))];
            if (picked.Count < count) throw new InvalidOperationException($"Building {buildingId} has {picked.Count} owners living in their unit, not {count}.");
        }

        var accounts = new List<OwnerAccount>();
        foreach (var (ownerId, personId, personName, ownerName) in picked)
        {
            var userName = $"{prefix}{accounts.Count + 1}";
            Ok(portal, await portal.AsAsync<AccountAdministration, Result>("admin",
                s => s.CreateAsync(new NewAccount(userName, personName, PortalHost.DemoPassword, personId), ct)));
            string userId;
            await using (var db = await portal.NewDbContextAsync(ct))
                userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(ct);
            Ok(portal, await portal.AsAsync<AccountAdministration, Result>("admin",
                s => s.GrantAsync(userId, new ScopedRole(PortalRole.Resident, ScopeKind.Community, community), ct)));
            accounts.Add(new OwnerAccount(userName, ownerName, ownerId));
        }
        return accounts;
    }

    /// <summary>A vote of 青年湖社区 drafted and opened by the secretary (open from a minute ago for a week); its id.</summary>
    public static async Task<int> OpenVoteAsync(PortalHost portal, MatterScope scope, string title, RuleSet rules,
        Secrecy secrecy = Secrecy.Named, BallotChannels channels = BallotChannels.Online | BallotChannels.Paper | BallotChannels.DoorToDoor | BallotChannels.OnSite,
        QuestionKind kind = QuestionKind.Motion, IReadOnlyList<string>? options = null, CancellationToken ct = default)
    {
        var community = await CommunityAsync(portal, ct);
        var form = new VoteForm(community, scope, title, kind, options ?? [], 1, rules.Code, secrecy, channels,
            DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddDays(7));
        var created = await portal.AsAsync<VoteService, Result<VoteSummary>>("secretary", s => s.CreateAsync(form, ct));
        Ok(portal, created);
        Ok(portal, await portal.AsAsync<VoteService, Result<VoteSummary>>("secretary", s => s.OpenAsync(created.Id, created.Version!.Value, ct)));
        return created.Id;
    }

    /// <summary>The frozen roll in its order: elector id, owner record (owners' votes), name and area.</summary>
    public static async Task<IReadOnlyList<VoteElector>> RollAsync(PortalHost portal, int voteId, CancellationToken ct = default)
    {
        await using var db = await portal.NewDbContextAsync(ct);
        return await db.VoteElectors.AsNoTracking().Where(e => e.VoteId == voteId).OrderBy(e => e.Id).ToListAsync(ct);
    }

    /// <summary>The secretary records a paper ballot for a roll row (number and a scan, as the page would).</summary>
    public static async Task PaperBallotAsync(PortalHost portal, int voteId, int electorId, string number, int choice, CancellationToken ct = default) =>
        Ok(portal, await portal.AsAsync<VoteService, Result<CastReceipt>>("secretary", s => s.CastAsync(
            new CastCommand(voteId, BallotChannel.Paper, [choice], electorId, number, new AttachmentUpload($"paper-{number}.jpg", Jpeg)), ct)));

    /// <summary>The first bytes of a JPEG photo: enough for the evidence check, which reads a file's type from its start.</summary>
    public static byte[] Jpeg { get; } = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1];

    private static void Ok(PortalHost portal, Result result)
    {
        if (!result.Succeeded) throw new InvalidOperationException($"{result.Outcome}: {portal.TextOf(result)}");
    }
}
