using Portal.Web.Components.Shared.Export;

namespace Portal.Web.Kit.Documents;

/// <summary>
/// A closed vote's result announcement (表决结果公告) as document blocks, for a document of another area that carries it
/// inside its own — the deliberation session's archive. The Voting area implements it (the slice that writes the
/// announcement, so the archive says exactly what the announcement says); an area that needs it asks DI and names no
/// Voting type (decision 0024).
/// </summary>
public interface IVoteAnnouncementSource
{
    /// <summary>
    /// The announcement's content without its title and seal lines (facts, turnout, tallies, each condition's arithmetic,
    /// the verdict, the notice period), in Chinese; null when the vote does not exist, is not closed, or the caller may
    /// not issue its papers.
    /// </summary>
    Task<IReadOnlyList<DocumentBlock>?> BlocksAsync(int voteId, CancellationToken ct = default);
}
