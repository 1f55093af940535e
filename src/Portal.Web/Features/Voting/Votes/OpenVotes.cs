using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Voting;
using Portal.Web.Data;

namespace Portal.Web.Features.Voting.Votes;

/// <summary>
/// Open votes as a cast needs them, kept in memory (decision 0038). An open vote changes in nothing a cast reads but its
/// status: its settings were fixed as a draft and its roll was frozen at opening and is never changed (init-only rows,
/// written once in the opening's transaction). So a cast finds the vote and its own roll row here instead of reading
/// them again, which made up most of its queries. What stays safe without the database: the writer checks inside its
/// transaction that the vote is still open (a vote closed on another node meanwhile is refused there) and then calls
/// <see cref="Forget"/>; a close on this node forgets it at once; an entry past its closing time is read again.
/// A vote that is not open is never kept: drafts and closed votes are read every time. Singleton.
/// </summary>
public sealed class OpenVotes(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    private readonly ConcurrentDictionary<int, Lazy<Task<(Vote? Vote, FrozenRoll? Roll)>>> _votes = new();

    /// <summary>
    /// The vote, with its frozen roll while it is open (from memory after the first call); the vote alone when it is not
    /// open or its closing time has passed; null when there is no such vote.
    /// </summary>
    public async Task<(Vote? Vote, FrozenRoll? Roll)> GetAsync(int voteId, CancellationToken ct)
    {
        var entry = _votes.GetOrAdd(voteId, id => new Lazy<Task<(Vote?, FrozenRoll?)>>(() => LoadAsync(id)));
        (Vote? Vote, FrozenRoll? Roll) read;
        try
        {
            read = await entry.Value.WaitAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _votes.TryRemove(KeyValuePair.Create(voteId, entry));
            throw;
        }
        if (read is { Vote: { } vote, Roll: not null } && clock.GetUtcNow().UtcDateTime < vote.ClosesAtUtc) return read;
        // Not open when read (only the callers who waited on that read share it), or due to close: read afresh next time.
        _votes.TryRemove(KeyValuePair.Create(voteId, entry));
        return (read.Vote, null);
    }

    /// <summary>The vote is no longer open (closed here, or found closed by the writer): the next cast reads it again.</summary>
    public void Forget(int voteId) => _votes.TryRemove(voteId, out _);

    /// <summary>
    /// Reads the vote, and its roll if it is open, once for every cast waiting on it; not with a caller's token, so that
    /// one caller giving up does not fail the others' read.
    /// </summary>
    private async Task<(Vote?, FrozenRoll?)> LoadAsync(int voteId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var vote = await db.Votes.AsNoTracking().SingleOrDefaultAsync(v => v.Id == voteId);
        if (vote is not { Status: VoteStatus.Open }) return (vote, null);
        var roll = await db.VoteElectors.AsNoTracking().Where(e => e.VoteId == voteId).ToListAsync();
        return (vote, new FrozenRoll(roll));
    }
}

/// <summary>An open vote's roll in memory, found by row, person, household and owner record as the database's indexes find it.</summary>
public sealed class FrozenRoll
{
    private readonly Dictionary<int, VoteElector> _byId;
    private readonly ILookup<int, VoteElector> _byPerson;
    private readonly ILookup<int, VoteElector> _byHousehold;
    private readonly ILookup<int, VoteElector> _byOwner;

    public FrozenRoll(IReadOnlyCollection<VoteElector> rows)
    {
        _byId = rows.ToDictionary(e => e.Id);
        _byPerson = rows.Where(e => e.PersonId is not null).ToLookup(e => e.PersonId!.Value);
        _byHousehold = rows.Where(e => e.HouseholdId is not null).ToLookup(e => e.HouseholdId!.Value);
        _byOwner = rows.Where(e => e.OwnerId is not null).ToLookup(e => e.OwnerId!.Value);
    }

    /// <summary>Whether anyone can be on this roll through a household or an owner record (else the person alone decides).</summary>
    public bool ListsHouseholdsOrOwners => _byHousehold.Count > 0 || _byOwner.Count > 0;

    public VoteElector? Row(int electorId) => _byId.GetValueOrDefault(electorId);

    /// <summary>The rows that name the person, their household or one of their owner records (the candidates of their own row).</summary>
    public IEnumerable<VoteElector> RowsOf(int personId, int? household, IEnumerable<int> owners) =>
        _byPerson[personId]
            .Concat(household is { } h ? _byHousehold[h] : [])
            .Concat(owners.SelectMany(o => _byOwner[o]));
}
