using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Text;
using Portal.Domain.WorkItems;
using Portal.Web.Components.Shared;
using Portal.Web.Data;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Lists.WorkItems;

/// <summary>
/// The commitment (承诺践诺) steps of the one lifecycle, kept beside the generic ones so they go through the same
/// <see cref="ActAsync"/> path: 审核 = Triage (still unpublished), 公示 = Dispatch to the committer with the promised date,
/// 开始践诺 = Accept, 践诺 = progress and report back, 评诺 = Rate with three scores, 归档 = Close.
/// </summary>
public sealed partial class WorkItemService
{
    /// <summary>公示: published to its committer, public from now on, due at the promised date (refused once that has passed).</summary>
    public Task<Result> PublishCommitmentAsync(int id, Guid version, string? note = null, CancellationToken ct = default) =>
        ActAsync(id, version, WorkItemAction.Dispatch, note, null, step: (w, s) => w.PublishCommitment(s.Actor, s.Now, s.Note), ct: ct);

    /// <summary>
    /// 评诺: the secretary enters the members', residents' and organisation's scores; <see cref="CommitmentRules.Assess"/>
    /// gives the grade, and a failed one goes back to fulfilment like a "not satisfied" rating. The scores are stored on
    /// the item (the last assessment counts) and written into the history step.
    /// </summary>
    public async Task<Result> AssessCommitmentAsync(int id, Guid version, decimal? memberScore, decimal? residentScore,
        decimal? organizationScore, string? note = null, CancellationToken ct = default)
    {
        var assessment = CommitmentRules.Assess(memberScore, residentScore, organizationScore);
        if (!assessment.IsValid)
            return Result.Invalid(assessment.Errors.Select(e => new Problem(e.Key, Message.Of<ListsText>(e.Value))).ToList());
        // The history's text is written in the language of the one who assesses, like a note they typed.
        var summary = lists["Commitment.AssessNote", memberScore!.Value, residentScore!.Value, organizationScore!.Value, assessment.Total,
            lists[$"Commitment.Grade.{assessment.Grade}"]].Value;
        var fullNote = UserText.MultiLineTrimmedOrNull(note) is { } own ? summary + "\n\n" + own : summary;
        return await ActAsync(id, version, WorkItemAction.Rate, fullNote, null,
            step: (w, s) => w.Assess(s.Actor, s.Now, memberScore, residentScore, organizationScore, s.Note), ct: ct);
    }

    /// <summary>The commitment facts of an item the caller can see; null for other kinds or items they cannot see.</summary>
    public async Task<CommitmentFacts?> GetCommitmentAsync(int id, CancellationToken ct = default)
    {
        var caller = await CallerAsync(ct);
        if (!caller.IsSignedIn) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var w = await db.WorkItems.AsNoTracking().Include(x => x.CoOwners).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null || w.Kind != WorkItemKind.Commitment || !CanSee(caller, w)) return null;
        var organization = await db.PartyOrganizations.AsNoTracking().Where(o => o.Id == w.Commitment!.PartyOrganizationId).Select(o => o.Name).FirstOrDefaultAsync(ct);
        var byMember = w.OwnerPersonId is not null;
        var mayName = caller.Manages(w.CommunityId) || (caller.PersonId is { } p && p == w.OwnerPersonId);
        var member = byMember && mayName
            ? await db.People.AsNoTracking().Where(x => x.Id == w.OwnerPersonId).Select(x => x.Name).FirstOrDefaultAsync(ct)
            : null;
        var total = CommitmentRules.TotalOf(w);
        return new CommitmentFacts(organization, w.Commitment?.Type, w.Commitment?.Year, byMember, member, w.DueAtUtc,
            w.Commitment?.MemberScore, w.Commitment?.ResidentScore, w.Commitment?.OrganizationScore, total, total is { } t ? CommitmentRules.GradeOf(t) : null);
    }
}
