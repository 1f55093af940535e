using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Voting;
using Portal.Domain.WorkItems;

namespace Portal.Web.Features.Voting.Votes;

public sealed partial class VoteService
{
    /// <summary>
    /// An elector's evidence file (the paper ballot's scan, the signature photo, the written authorization) for staff who
    /// may see their roll row: the vote's managers and the worker of the elector's grid (<see cref="RollAsync"/>'s rule).
    /// Null for anyone else — residents included — and when there is no file.
    /// </summary>
    public async Task<EvidenceDownload?> OpenEvidenceAsync(int voteId, int electorId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var vote = await db.Votes.AsNoTracking().SingleOrDefaultAsync(v => v.Id == voteId, ct);
        if (vote is null || !VotingAccess.CanView(caller, vote)) return null;
        var elector = await db.VoteElectors.AsNoTracking().SingleOrDefaultAsync(e => e.Id == electorId && e.VoteId == voteId, ct);
        if (elector is null || !VotingAccess.CanRecordFor(caller, vote, elector)) return null;
        var cast = await db.VoteParticipations.AsNoTracking().Where(p => p.VoteId == voteId && p.ElectorKey == elector.Key)
            .Select(p => new { p.EvidenceFile, p.Channel }).SingleOrDefaultAsync(ct);
        if (cast?.EvidenceFile is not { } stored) return null;
        var path = files.PathOf(stored);
        var extension = Path.GetExtension(stored);
        if (!File.Exists(path) || !Attachment.AllowedTypes.TryGetValue(extension, out var contentType)) return null;
        return new EvidenceDownload(path, contentType, $"{cast.Channel}-{electorId}{extension}");
    }
}
