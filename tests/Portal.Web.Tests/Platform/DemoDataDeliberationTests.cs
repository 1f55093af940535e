using Microsoft.EntityFrameworkCore;
using Portal.Domain.Deliberation;
using Portal.Domain.Voting;
using Portal.Web.Features.Platform;
using Portal.Web.Features.Voting.Votes;
using Portal.Web.Tests.Authorization;

namespace Portal.Web.Tests.Platform;

/// <summary>
/// The deliberation demo (issue 13, item 12) as the people of the first community meet it: the resident account has an
/// owners' lift vote to cast at a Hangzhou session's vote step; a Baiyin session stands at its notice step after a
/// residents' meeting vote that passed by its rule set; matters wait, were declined with a reason, or merged.
/// </summary>
public sealed class DemoDataDeliberationTests(DemoPortalFixture portal) : IClassFixture<DemoPortalFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_resident_has_the_open_owners_lift_vote_to_cast_at_the_Hangzhou_sessions_vote_step()
    {
        await using var db = await portal.Portal.NewDbContextAsync(Ct);
        var community = await db.Communities.AsNoTracking().Where(c => c.Name == DemoDataSeeder.CommunityNames[0]).Select(c => c.Id).SingleAsync(Ct);
        var session = await db.DeliberationSessions.AsNoTracking().SingleAsync(s => s.CommunityId == community && s.TemplateName == "杭州七步议事法", Ct);
        Assert.Equal("说了算", session.Steps[session.CurrentStepIndex!.Value].Name);
        var link = await db.SessionVotes.AsNoTracking().SingleAsync(l => l.SessionId == session.Id, Ct);
        var vote = await db.Votes.AsNoTracking().SingleAsync(v => v.Id == link.VoteId, Ct);
        Assert.Equal((VoteStatus.Open, "civil-code-278-major", MatterScopeKind.Building), (vote.Status, vote.RuleSetCode, vote.ScopeKind));
        Assert.True(vote.EntitledArea > 0);

        var mine = await portal.Portal.AsAsync<VoteService, MyVotes>("resident", s => s.MyVotesAsync(Ct));
        Assert.Contains(mine.ToVote, v => v.Id == vote.Id);
        // Turnout stands below the two-thirds participation the rule set needs, so the resident's ballot still matters.
        var turnout = await portal.Portal.AsAsync<VoteService, VoteTurnout?>("secretary", s => s.TurnoutAsync(vote.Id, Ct));
        Assert.NotNull(turnout);
        Assert.InRange(turnout.Participants * 3, 1, vote.EntitledCount * 2 - 1);
    }

    [Fact]
    public async Task The_Baiyin_session_stands_at_its_notice_step_after_a_residents_meeting_vote_that_passed()
    {
        await using var db = await portal.Portal.NewDbContextAsync(Ct);
        var session = await db.DeliberationSessions.AsNoTracking().SingleAsync(s => s.TemplateName == "白银七步议事法", Ct);
        Assert.Equal("合力办事", session.Steps[session.CurrentStepIndex!.Value].Name);
        var vote = await db.Votes.AsNoTracking().SingleAsync(v => db.SessionVotes.Any(l => l.SessionId == session.Id && l.VoteId == v.Id), Ct);
        Assert.Equal((VoteStatus.Closed, "residents-meeting", Outcome.Passed), (vote.Status, vote.RuleSetCode, vote.Outcome));
        Assert.Contains(session.Completions, c => c.Evidence.Contains(new EvidenceRef(EvidenceKind.Vote, vote.Id)));

        // The stored verdict is the one the engine counts again from the stored roll, presence and ballots.
        var results = await portal.Portal.AsAsync<VoteService, VoteResults?>("secretary", s => s.ResultsAsync(vote.Id, Ct));
        Assert.Equal(Outcome.Passed, results?.Outcome);
        Assert.Equal(vote.Verdict!.Participants, (await VoteService.CountAsync(db, vote, Ct)).Participants);

        var notice = await db.PublicNotices.AsNoTracking().SingleAsync(n => n.SessionId == session.Id, Ct);
        Assert.Null(notice.ClosedAtUtc);
        Assert.True(notice.IsInWindow(DateTime.UtcNow));
        Assert.Equal([true, false], notice.Objections.Select(o => o.IsAnswered));
        var matter = await db.Matters.AsNoTracking().SingleAsync(m => m.Id == session.MatterId, Ct);
        Assert.Equal(MatterOrigin.Need, matter.Origin);
    }

    [Fact]
    public async Task Every_completed_steps_evidence_is_a_record_of_its_session_made_in_that_step()
    {
        await using var db = await portal.Portal.NewDbContextAsync(Ct);
        var sessions = await db.DeliberationSessions.AsNoTracking().ToListAsync(Ct);
        Assert.NotEmpty(sessions);
        var kinds = new HashSet<EvidenceKind>();
        foreach (var session in sessions)
        foreach (var completion in session.Completions)
        foreach (var evidence in completion.Evidence)
        {
            kinds.Add(evidence.Kind);
            var id = evidence.RecordId;
            var found = evidence.Kind switch
            {
                EvidenceKind.Opinions => await db.Opinions.AnyAsync(o => o.Id == id && o.SessionId == session.Id && o.StepIndex == completion.StepIndex && o.HiddenAtUtc == null, Ct),
                EvidenceKind.SignInSheet => await db.DeliberationMeetings.AnyAsync(m => m.Id == id && m.SessionId == session.Id && m.Status == DeliberationMeetingStatus.Closed
                    && m.ClosedAtUtc <= completion.AtUtc && db.MeetingSignIns.Count(l => l.MeetingId == m.Id) >= 3, Ct),
                EvidenceKind.PlanDocument => await db.PlanVersions.AnyAsync(p => p.Id == id && p.SessionId == session.Id && p.CreatedAtUtc <= completion.AtUtc, Ct),
                EvidenceKind.Vote => await db.SessionVotes.AnyAsync(l => l.VoteId == id && l.SessionId == session.Id && l.StepIndex == completion.StepIndex, Ct),
                _ => false,
            };
            Assert.True(found, $"{session.Title}, step {completion.StepIndex}: {evidence.Kind} {id} is not a record of that session and step");
        }
        Assert.Superset(new HashSet<EvidenceKind> { EvidenceKind.Opinions, EvidenceKind.SignInSheet, EvidenceKind.PlanDocument, EvidenceKind.Vote }, kinds);
        // The lift plan was changed after the opinions on its first version.
        Assert.Contains(await db.PlanVersions.AsNoTracking().ToListAsync(Ct), p => p.Number == 2 && p.ChangeSummary.Length > 0);
    }

    [Fact]
    public async Task Matters_wait_were_declined_with_a_reason_or_were_merged()
    {
        await using var db = await portal.Portal.NewDbContextAsync(Ct);
        var matters = await db.Matters.AsNoTracking().ToListAsync(Ct);
        Assert.Contains(matters, m => m.Status == MatterStatus.Raised);
        Assert.Contains(matters, m => m.Status == MatterStatus.Declined && !string.IsNullOrEmpty(m.ScreeningReason));
        Assert.Contains(matters, m => m.Status == MatterStatus.Merged && matters.Any(t => t.Id == m.MergedIntoMatterId && t.Status == MatterStatus.Accepted));
        Assert.Contains(await db.Votes.AsNoTracking().Select(v => v.Status).ToListAsync(Ct), s => s == VoteStatus.Draft);
    }
}
