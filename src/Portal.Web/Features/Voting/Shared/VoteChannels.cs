using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Voting;
using Portal.Web.Data;
using Portal.Web.Data.Live;
using Portal.Web.Kit.Live;

namespace Portal.Web.Features.Voting;

/// <summary>
/// The per-vote live channel ("votes/{id}"): turnout by headcount and area as ballots come in, the opening and the
/// close. Never who voted or what: a secret vote shows only turnout until it closes, and a named one publishes its
/// ballots with the results, not on the channel.
/// </summary>
public static class VoteChannels
{
    public const string Prefix = "votes/";

    /// <summary>A ballot was cast; payload <see cref="VoteTurnoutChanged"/>.</summary>
    public const string Turnout = "vote.turnout";

    /// <summary>The vote opened or closed; payload <see cref="VoteStatusChanged"/>.</summary>
    public const string StatusChanged = "vote.status";

    public static string For(int voteId) => LiveChannelIds.For(Prefix, voteId);

    public static bool TryParse(string channel, out int voteId) => LiveChannelIds.TryParse(channel, Prefix, out voteId);
}

/// <summary>
/// Turnout after a ballot. Two ballots committed at the same moment on PostgreSQL may each count without the other; a
/// page keeps the largest figures it has seen (turnout only grows while the vote is open).
/// </summary>
public sealed record VoteTurnoutChanged(int Participants, decimal ParticipatingArea);

public sealed record VoteStatusChanged(VoteStatus Status, int EntitledCount, decimal EntitledArea, Outcome? Outcome);

/// <summary>Maps the voting entities' events to the vote's channel, stored with the change (decision 0023).</summary>
public sealed class VoteLiveEvents : ILiveEventMapper
{
    public LiveEventDraft? Map(Entity source, IDomainEvent domainEvent) => domainEvent switch
    {
        BallotCast cast => LiveEventDraft.Of(VoteChannels.For(cast.VoteId), VoteChannels.Turnout,
            new VoteTurnoutChanged(cast.Participants, cast.ParticipatingArea)),
        VoteOpened opened => LiveEventDraft.Of(VoteChannels.For(source.Id), VoteChannels.StatusChanged,
            new VoteStatusChanged(VoteStatus.Open, opened.EntitledCount, opened.EntitledArea, null)),
        VoteClosed closed when source is Vote vote => LiveEventDraft.Of(VoteChannels.For(vote.Id), VoteChannels.StatusChanged,
            new VoteStatusChanged(VoteStatus.Closed, vote.EntitledCount, vote.EntitledArea, closed.Outcome)),
        _ => null,
    };
}

/// <summary>Whoever may view the vote (<see cref="VotingAccess.CanView"/>) reads its channel.</summary>
public sealed class VoteChannelRule(IDbContextFactory<PortalDbContext> dbFactory) : ILiveChannelRule
{
    public string Prefix => VoteChannels.Prefix;

    public async Task<bool> CanReadAsync(ClaimsPrincipal user, Caller caller, string channel, CancellationToken ct)
    {
        if (!caller.IsSignedIn || !VoteChannels.TryParse(channel, out var voteId)) return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var community = await db.Votes.Where(v => v.Id == voteId).Select(v => (int?)v.CommunityId).SingleOrDefaultAsync(ct);
        return community is { } c && VotingAccess.CanView(caller, c);
    }
}
