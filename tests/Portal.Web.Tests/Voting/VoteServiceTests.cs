using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Deliberation;
using Portal.Domain.Directory;
using Portal.Domain.Voting;
using Portal.Testing;
using Portal.Web.Features.Localization;
using Portal.Web.Features.Voting;
using Portal.Web.Features.Voting.Votes;
using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Live;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Accounts;
using static Portal.Web.Tests.Voting.VotingTestData;
using Outcome = Portal.Domain.Voting.Outcome;
using ResultOutcome = Portal.Web.Kit.Results.Outcome;

namespace Portal.Web.Tests.Voting;

/// <summary>
/// Votes through the real service and database: freezing the roll by counting base, casting on every channel once per
/// elector, rights, closing with the verdict, and the live turnout.
/// </summary>
public sealed class VoteServiceTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task Opening_an_owners_vote_freezes_one_elector_per_owner_with_the_summed_area_and_the_developer_once()
    {
        var community = await CommunityAsync(Host);
        var voteId = await OpenVoteAsync(Host, Form(community, new MatterScope(MatterScopeKind.Community, community), ShippedRuleSets.OwnersMajorMatters));

        var expected = await TestAccounts.DbAsync(Host, db => db.HouseholdOwnerships.AsNoTracking()
            .Where(o => o.Household!.Building!.Grid!.CommunityId == community)
            .Select(o => new { o.OwnerId, o.Owner!.Kind, o.Household!.ExclusiveArea }).ToListAsync(Ct));
        var byOwner = expected.GroupBy(o => o.OwnerId).ToDictionary(g => $"owner:{g.Key}", g => g.Sum(o => o.ExclusiveArea));
        var roll = await RollAsync(Host, voteId);

        Assert.Equal(byOwner.Count, roll.Count);
        Assert.All(roll, e => Assert.Equal(byOwner[e.Key], e.Area));
        var developer = expected.First(o => o.Kind == OwnerKind.Developer).OwnerId;
        var developerRow = Assert.Single(roll, e => e.OwnerId == developer);
        Assert.True(expected.Count(o => o.OwnerId == developer) > 1, "the demo developer holds several units");
        Assert.Equal(expected.Where(o => o.OwnerId == developer).Sum(o => o.ExclusiveArea), developerRow.Area);
        Assert.Contains(roll, e => expected.Count(o => $"owner:{o.OwnerId}" == e.Key) == 2 && e.OwnerId != developer);
        Assert.All(roll, e => Assert.NotNull(e.GridId));

        var vote = await TestAccounts.DbAsync(Host, db => db.Votes.AsNoTracking().SingleAsync(v => v.Id == voteId, Ct));
        Assert.Equal((VoteStatus.Open, roll.Count, roll.Sum(e => e.Area)), (vote.Status, vote.EntitledCount, vote.EntitledArea));
        Assert.Equal(ShippedRuleSets.OwnersMajorMatters.Pass, vote.RuleSet.Pass);
        Assert.Equal("civil-code-278-major", vote.RuleSetCode);

        // The roll never changes: a second open is refused, and the directory's later changes do not reach it.
        var again = await As(Host, "secretary", s => s.OpenAsync(voteId, vote.Version, Ct));
        Assert.Equal(ResultOutcome.Invalid, again.Outcome);
        Assert.Equal(roll.Count, (await RollAsync(Host, voteId)).Count);
    }

    [Fact]
    public async Task A_households_vote_has_one_elector_per_household_and_a_persons_vote_one_per_resident_of_the_building()
    {
        var community = await CommunityAsync(Host);
        var building = await BuildingOfAsync(Host, "resident");
        var households = await TestAccounts.DbAsync(Host, db => db.Households.CountAsync(h => h.BuildingId == building, Ct));
        var people = await TestAccounts.DbAsync(Host, db => db.People.CountAsync(p => p.Household!.BuildingId == building, Ct));

        var byHousehold = await OpenVoteAsync(Host, Form(community, new MatterScope(MatterScopeKind.Building, building), ShippedRuleSets.VillagersMeetingByHouseholds));
        var byPerson = await OpenVoteAsync(Host, Form(community, new MatterScope(MatterScopeKind.Building, building), ShippedRuleSets.ResidentsMeeting));

        var householdRoll = await RollAsync(Host, byHousehold);
        Assert.Equal(households, householdRoll.Count);
        Assert.All(householdRoll, e => Assert.StartsWith("household:", e.Key));
        Assert.All(householdRoll, e => Assert.Equal(0m, e.Area));
        var personRoll = await RollAsync(Host, byPerson);
        Assert.Equal(people, personRoll.Count);
        var resident = await PersonOfAsync(Host, "resident");
        Assert.Contains(personRoll, e => e.PersonId == resident);
    }

    [Fact]
    public async Task An_empty_roll_is_refused_with_nothing_changed()
    {
        var community = await CommunityAsync(Host);
        // A building with no households: nobody to vote.
        var grid = await TestAccounts.DbAsync(Host, db => db.Grids.Where(g => g.CommunityId == community).Select(g => g.Id).FirstAsync(Ct));
        var empty = await TestAccounts.DbAsync(Host, async db =>
        {
            var b = new Building { GridId = grid, Name = "空楼" + Guid.NewGuid().ToString("N")[..6] };
            db.Buildings.Add(b);
            await db.SaveChangesAsync(Ct);
            return b.Id;
        });
        var draft = await As(Host, "secretary", s => s.CreateAsync(Form(community, new MatterScope(MatterScopeKind.Building, empty), ShippedRuleSets.OwnersMajorMatters), Ct));
        var refused = await As(Host, "secretary", s => s.OpenAsync(draft.Id, draft.Version!.Value, Ct));
        Assert.Equal("表决范围内没有表决人，不能开启。", Host.TextOf(refused));
    }

    [Fact]
    public async Task Drafts_are_refused_for_another_community_a_foreign_scope_an_unknown_rule_set_and_a_secret_area_vote()
    {
        var community = await CommunityAsync(Host);
        var other = await TestAccounts.DbAsync(Host, db => db.Communities.Where(c => c.Id != community).Select(c => c.Id).FirstAsync(Ct));
        var scope = new MatterScope(MatterScopeKind.Community, community);

        var foreign = await As(Host, "secretary", s => s.CreateAsync(Form(other, new MatterScope(MatterScopeKind.Community, other), ShippedRuleSets.OwnersMajorMatters), Ct));
        Assert.Equal(ResultOutcome.NotAllowed, foreign.Outcome);
        var resident = await As(Host, "resident", s => s.CreateAsync(Form(community, scope, ShippedRuleSets.OwnersMajorMatters), Ct));
        Assert.Equal(ResultOutcome.NotAllowed, resident.Outcome);
        var otherGrid = await TestAccounts.DbAsync(Host, db => db.Grids.Where(g => g.CommunityId == other).Select(g => g.Id).FirstAsync(Ct));
        var foreignScope = await As(Host, "secretary", s => s.CreateAsync(Form(community, new MatterScope(MatterScopeKind.Grid, otherGrid), ShippedRuleSets.OwnersMajorMatters), Ct));
        Assert.NotNull(Host.TextOf(foreignScope, nameof(VoteForm.Scope)));
        var unknown = await As(Host, "secretary", s => s.CreateAsync(Form(community, scope, ShippedRuleSets.OwnersMajorMatters) with { RuleSetCode = "nope" }, Ct));
        Assert.Equal("没有这个表决规则。", Host.TextOf(unknown, nameof(VoteForm.RuleSetCode)));
        var secretArea = await As(Host, "secretary", s => s.CreateAsync(Form(community, scope, ShippedRuleSets.OwnersOrdinaryMatters, Secrecy.Secret), Ct));
        Assert.Equal("A vote counted by area cannot be secret: a ballot carrying an area identifies its owner.", Host.TextOf(secretArea, culture: "en"));
        var admin = await As(Host, "admin", s => s.CreateAsync(Form(community, scope, ShippedRuleSets.OwnersMajorMatters), Ct));
        Assert.True(admin.Succeeded, "the street administrator manages the street's communities");
    }

    [Fact]
    public async Task A_resident_votes_online_once_and_a_second_attempt_on_another_channel_is_refused_with_when_and_how()
    {
        var community = await CommunityAsync(Host);
        var voteId = await OpenVoteAsync(Host, Form(community, new MatterScope(MatterScopeKind.Community, community), ShippedRuleSets.VillagersMeetingByHouseholds));
        var row = await RowOfAsync(Host, voteId, "resident");

        Assert.Equal(MyBallotState.MayVote, (await As(Host, "resident", s => s.MyBallotAsync(voteId, Ct)))!.State);
        var cast = await As(Host, "resident", s => s.CastAsync(new CastCommand(voteId, BallotChannel.Online, [BallotQuestion.Agree], ElectorId: 999_999), Ct));
        Assert.True(cast.Succeeded, Host.TextOf(cast));
        Assert.Null(cast.Value!.ReceiptCode);

        var mine = await As(Host, "resident", s => s.MyBallotAsync(voteId, Ct));
        Assert.Equal((MyBallotState.Voted, BallotChannel.Online), (mine!.State, mine.Channel));
        var at = PortalTime.ToLocal(mine.CastAtUtc!.Value).ToString("HH:mm");

        var paper = await As(Host, "secretary", s => s.CastAsync(Paper(voteId, row.Id, "P-" + voteId, BallotQuestion.Disagree), Ct));
        Assert.Equal(ResultOutcome.Conflict, paper.Outcome);
        Assert.Equal($"已于 {at} 通过线上投票，每人只能投一票。", Host.TextOf(paper));
        Assert.Equal($"Already voted at {at} via online; each elector votes once.", Host.TextOf(paper, culture: "en"));
        var online = await As(Host, "resident", s => s.CastAsync(new CastCommand(voteId, BallotChannel.Online, [BallotQuestion.Disagree]), Ct));
        Assert.Equal(ResultOutcome.Conflict, online.Outcome);

        var stored = await TestAccounts.DbAsync(Host, db => db.NamedBallots.AsNoTracking().Where(b => b.VoteId == voteId).ToListAsync(Ct));
        var ballot = Assert.Single(stored);
        Assert.Equal((row.Key, "0"), (ballot.ElectorKey, ballot.Choices));
        Assert.Equal(1, await TestAccounts.DbAsync(Host, db => db.VoteParticipations.CountAsync(p => p.VoteId == voteId, Ct)));
    }

    [Fact]
    public async Task Staff_channels_need_their_evidence_and_a_paper_number_is_used_once()
    {
        var community = await CommunityAsync(Host);
        var voteId = await OpenVoteAsync(Host, Form(community, new MatterScope(MatterScopeKind.Community, community), ShippedRuleSets.OwnersMajorMatters));
        var roll = await RollAsync(Host, voteId);

        var noNumber = await As(Host, "secretary", s => s.CastAsync(Paper(voteId, roll[0].Id, " "), Ct));
        Assert.Equal("请填写纸质票编号。", Host.TextOf(noNumber, nameof(CastCommand.PaperNumber)));
        var noScan = await As(Host, "secretary", s => s.CastAsync(Paper(voteId, roll[0].Id, "A1") with { Evidence = null }, Ct));
        Assert.NotNull(Host.TextOf(noScan, nameof(CastCommand.Evidence)));
        var noPhoto = await As(Host, "secretary", s => s.CastAsync(new CastCommand(voteId, BallotChannel.DoorToDoor, [0], roll[0].Id), Ct));
        Assert.NotNull(Host.TextOf(noPhoto, nameof(CastCommand.Evidence)));
        var proxy = await As(Host, "secretary", s => s.CastAsync(new CastCommand(voteId, BallotChannel.Proxy, [0], roll[0].Id, Evidence: Scan("a.pdf"), ProxyHolder: "张三"), Ct));
        Assert.Equal("本次表决不接受这种投票方式。", Host.TextOf(proxy, nameof(CastCommand.Channel)));
        var badChoice = await As(Host, "secretary", s => s.CastAsync(Paper(voteId, roll[0].Id, "A1", 3), Ct));
        Assert.Equal(ResultOutcome.Invalid, badChoice.Outcome);
        Assert.Equal(0, await TestAccounts.DbAsync(Host, db => db.VoteParticipations.CountAsync(p => p.VoteId == voteId, Ct)));

        Assert.True((await As(Host, "secretary", s => s.CastAsync(Paper(voteId, roll[0].Id, "A1"), Ct))).Succeeded);
        var reused = await As(Host, "secretary", s => s.CastAsync(Paper(voteId, roll[1].Id, "A1"), Ct));
        Assert.Equal("这个纸质票编号已经录入过。", Host.TextOf(reused, nameof(CastCommand.PaperNumber)));
        var door = await As(Host, "secretary", s => s.CastAsync(new CastCommand(voteId, BallotChannel.DoorToDoor, [1], roll[1].Id, Evidence: Scan("sig.jpg")), Ct));
        Assert.True(door.Succeeded);
        Assert.Equal(2, await TestAccounts.DbAsync(Host, db => db.VoteParticipations.CountAsync(p => p.VoteId == voteId, Ct)));
    }

    [Fact]
    public async Task Only_the_elector_votes_for_themselves_and_only_staff_of_their_grid_record_for_them()
    {
        var community = await CommunityAsync(Host);
        var voteId = await OpenVoteAsync(Host, Form(community, new MatterScope(MatterScopeKind.Community, community), ShippedRuleSets.VillagersMeetingByHouseholds));
        var roll = await RollAsync(Host, voteId);
        var gridworkerGrid = await TestAccounts.DbAsync(Host, db => (from u in db.Users join r in db.RoleAssignments on u.Id equals r.UserId
            where u.UserName == "gridworker" select r.ScopeId).SingleAsync(Ct));
        var inGrid = roll.First(e => e.GridId == gridworkerGrid);
        var outside = roll.First(e => e.GridId != gridworkerGrid);

        // A resident of another community sees nothing and cannot vote.
        Assert.Null(await As(Host, "resident2", s => s.SummaryAsync(voteId, Ct)));
        Assert.Null(await As(Host, "resident2", s => s.MyBallotAsync(voteId, Ct)));
        Assert.Null(await As(Host, "resident2", s => s.TurnoutAsync(voteId, Ct)));
        var stranger = await As(Host, "resident2", s => s.CastAsync(new CastCommand(voteId, BallotChannel.Online, [0]), Ct));
        Assert.Equal(ResultOutcome.NotFound, stranger.Outcome);
        // A resident cannot record a paper ballot, not even for a neighbour; a resident not on the roll cannot vote.
        var residentPaper = await As(Host, "resident", s => s.CastAsync(Paper(voteId, outside.Id, "R1"), Ct));
        Assert.Equal(ResultOutcome.NotAllowed, residentPaper.Outcome);
        Assert.Null(await As(Host, "resident", s => s.RollAsync(voteId, null, 1, 20, Ct)));
        var notOnRoll = await As(Host, "gridworker", s => s.CastAsync(new CastCommand(voteId, BallotChannel.Online, [0]), Ct));
        Assert.Equal("您不在本次表决的名册中，不能投票。", Host.TextOf(notOnRoll));
        Assert.Equal(MyBallotState.NotOnRoll, (await As(Host, "gridworker", s => s.MyBallotAsync(voteId, Ct)))!.State);
        // The grid worker records for electors of their grid only, and sees only them on the roll.
        var elsewhere = await As(Host, "gridworker", s => s.CastAsync(new CastCommand(voteId, BallotChannel.DoorToDoor, [0], outside.Id, Evidence: Scan("s.jpg")), Ct));
        Assert.Equal(ResultOutcome.NotAllowed, elsewhere.Outcome);
        var own = await As(Host, "gridworker", s => s.CastAsync(new CastCommand(voteId, BallotChannel.DoorToDoor, [0], inGrid.Id, Evidence: Scan("s.jpg")), Ct));
        Assert.True(own.Succeeded, Host.TextOf(own));
        var page = await As(Host, "gridworker", s => s.RollAsync(voteId, null, 1, 500, Ct));
        Assert.All(page!.Rows, r => Assert.Equal(gridworkerGrid, r.GridId));
        Assert.Contains(page.Rows, r => r.ElectorId == inGrid.Id && r.Channel == BallotChannel.DoorToDoor && r.CanRecord);
        var all = await As(Host, "secretary", s => s.RollAsync(voteId, null, 1, 500, Ct));
        Assert.Equal(roll.Count, all!.Total);
        Assert.True(page.Total < all.Total);
        var search = await As(Host, "secretary", s => s.RollAsync(voteId, inGrid.DisplayName, 1, 10, Ct));
        Assert.Contains(search!.Rows, r => r.ElectorId == inGrid.Id);
        // Managing stays with the community's managers.
        var version = await VersionAsync(Host, voteId);
        Assert.Equal(ResultOutcome.NotAllowed, (await As(Host, "gridworker", s => s.CloseAsync(voteId, version, Ct))).Outcome);
        Assert.Equal(ResultOutcome.NotFound, (await As(Host, "resident2", s => s.CloseAsync(voteId, version, Ct))).Outcome);
        Assert.Equal(ResultOutcome.NotAllowed, (await As(Host, "secretary", s => s.CloseDueAsync(voteId, version, Ct))).Outcome);
    }

    [Fact]
    public async Task Closing_counts_the_stored_ballots_and_publishes_the_verdict_with_its_arithmetic_and_who_chose_what()
    {
        var community = await CommunityAsync(Host);
        var building = await BuildingOfAsync(Host, "resident");
        var voteId = await OpenVoteAsync(Host, Form(community, new MatterScope(MatterScopeKind.Building, building), ShippedRuleSets.OwnersMajorMatters));
        var roll = await RollAsync(Host, voteId);
        // Everyone but one takes part; all agree except the first, who disagrees.
        for (var i = 0; i < roll.Count - 1; i++)
        {
            var choice = i == 0 ? BallotQuestion.Disagree : BallotQuestion.Agree;
            var cast = await As(Host, "secretary", s => s.CastAsync(Paper(voteId, roll[i].Id, $"B{i}", choice), Ct));
            Assert.True(cast.Succeeded, Host.TextOf(cast));
        }
        Assert.Null(await As(Host, "resident", s => s.ResultsAsync(voteId, Ct)));

        var closed = await As(Host, "secretary", async s => await s.CloseAsync(voteId, await VersionAsync(Host, voteId), Ct));
        Assert.True(closed.Succeeded, Host.TextOf(closed));

        var vote = await TestAccounts.DbAsync(Host, db => db.Votes.AsNoTracking().SingleAsync(v => v.Id == voteId, Ct));
        var expected = DecisionEngine.Count(vote.RuleSet, new TallyInput([.. roll.Select(e => new Elector(e.Key, e.Area))], null, BallotQuestion.Motion,
            [.. roll.Take(roll.Count - 1).Select((e, i) => i == 0 ? Ballot.Disagree(e.Key) : Ballot.Agree(e.Key))])).Verdict!;
        Assert.Equal(VoteStatus.Closed, vote.Status);
        Assert.Equal(expected.Outcome, vote.Outcome);
        Assert.Equal(expected.Participants, vote.Verdict!.Participants);
        Assert.Equal(expected.Quorum, vote.Verdict.Quorum);

        var results = await As(Host, "resident", s => s.ResultsAsync(voteId, Ct));
        Assert.NotNull(results);
        Assert.Equal(roll.Count - 1, results.Named.Count);
        Assert.Empty(results.Receipts);
        Assert.Contains(results.Named, n => n.DisplayName == roll[0].DisplayName && n.Choices.SequenceEqual([BallotQuestion.Disagree]));
        var text = Host.Services.GetRequiredService<ResultText>();
        var lines = results.Lines.Select(l => text[l]).ToList();
        Assert.Equal(4, lines.Count);
        var area = VerdictText.Percent(expected.Participants.Area, expected.Entitled.Area);
        Assert.Equal($"参与面积 {area} ≥ 2/3 {(expected.Quorum[0].Held ? "✓" : "✗")}", lines[0]);
        Assert.StartsWith("参与人数 ", lines[1]);
        Assert.StartsWith("同意面积占参与 ", lines[2]);
        Assert.Equal(expected.Outcome == Outcome.Passed ? "通过" : expected.Outcome == Outcome.Failed ? "未通过" : "未达法定人数", text[results.Plain]);

        // Closed: no more ballots, no second close.
        var late = await As(Host, "secretary", s => s.CastAsync(Paper(voteId, roll[^1].Id, "late"), Ct));
        Assert.Equal(ResultOutcome.Invalid, late.Outcome);
        var twice = await As(Host, "secretary", async s => await s.CloseAsync(voteId, await VersionAsync(Host, voteId), Ct));
        Assert.Equal(ResultOutcome.Invalid, twice.Outcome);
    }

    [Fact]
    public async Task The_closer_closes_votes_at_their_deadline_as_the_system()
    {
        var community = await CommunityAsync(Host);
        var building = await BuildingOfAsync(Host, "resident");
        var voteId = await OpenVoteAsync(Host, Form(community, new MatterScope(MatterScopeKind.Building, building), ShippedRuleSets.OwnersMajorMatters,
            open: TimeSpan.FromSeconds(8))); // long enough for the early attempt on a busy machine
        var version = await VersionAsync(Host, voteId);
        await using (var scope = Host.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope())
        {
            var early = await scope.ServiceProvider.GetRequiredService<VoteService>().CloseDueAsync(voteId, version, Ct);
            Assert.Equal(ResultOutcome.Invalid, early.Outcome);
        }
        var closesAt = await TestAccounts.DbAsync(Host, db => db.Votes.AsNoTracking().Where(v => v.Id == voteId).Select(v => v.ClosesAtUtc).SingleAsync(Ct));
        var untilDue = closesAt - DateTime.UtcNow + TimeSpan.FromMilliseconds(200);
        if (untilDue > TimeSpan.Zero) await Task.Delay(untilDue, Ct);

        var closed = await Host.Services.GetRequiredService<VoteCloser>().RunOnceAsync(Ct);

        Assert.True(closed >= 1);
        var vote = await TestAccounts.DbAsync(Host, db => db.Votes.AsNoTracking().SingleAsync(v => v.Id == voteId, Ct));
        Assert.Equal((VoteStatus.Closed, Outcome.NoQuorum), (vote.Status, vote.Outcome));
        var audit = await TestAccounts.DbAsync(Host, db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Vote) && a.EntityId == voteId.ToString()).OrderBy(a => a.Id).ToListAsync(Ct));
        Assert.Equal(Portal.Domain.Auditing.AuditEntry.SystemUserName, audit[^1].UserName);
    }

    [Fact]
    public async Task Turnout_goes_out_live_on_the_votes_channel_which_only_the_community_may_read()
    {
        var community = await CommunityAsync(Host);
        var voteId = await OpenVoteAsync(Host, Form(community, new MatterScope(MatterScopeKind.Community, community), ShippedRuleSets.OwnersMajorMatters));
        var roll = await RollAsync(Host, voteId);
        var received = new TaskCompletionSource<LiveEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = Host.Services.GetRequiredService<LiveEventBus>()
            .Subscribe(VoteChannels.For(voteId), e => { if (e.Type == VoteChannels.Turnout) received.TrySetResult(e); return Task.CompletedTask; });

        Assert.True((await As(Host, "secretary", s => s.CastAsync(Paper(voteId, roll[0].Id, "L1"), Ct))).Succeeded);

        var live = await received.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(new VoteTurnoutChanged(1, roll[0].Area), live.PayloadAs<VoteTurnoutChanged>());
        Assert.DoesNotContain(roll[0].Key, live.Payload.GetRawText());
        var figures = await As(Host, "resident", s => s.TurnoutAsync(voteId, Ct));
        Assert.Equal((roll.Count, 1, roll[0].Area), (figures!.EntitledCount, figures.Participants, figures.ParticipatingArea));
        Assert.True(figures.LastSequence >= live.Sequence);

        var access = Host.Services.GetRequiredService<LiveChannelAccess>();
        Assert.True(await access.CanReadAsync(await Host.PrincipalAsync("resident"), VoteChannels.For(voteId), Ct));
        Assert.False(await access.CanReadAsync(await Host.PrincipalAsync("resident2"), VoteChannels.For(voteId), Ct));
        Assert.False(await access.CanReadAsync(TestAccounts.Anonymous, VoteChannels.For(voteId), Ct));
    }

    [Fact]
    public async Task Those_signed_in_count_as_present_for_the_quorum_whether_or_not_they_vote()
    {
        var community = await CommunityAsync(Host);
        var building = await BuildingOfAsync(Host, "resident");
        var voteId = await OpenVoteAsync(Host, Form(community, new MatterScope(MatterScopeKind.Building, building), ShippedRuleSets.ResidentsMeeting));
        var roll = await RollAsync(Host, voteId);
        var own = await RowOfAsync(Host, voteId, "resident");
        var others = roll.Where(e => e.Id != own.Id).Take(2).ToList();

        Assert.True((await As(Host, "resident", s => s.MarkPresentAsync(voteId, null, Ct))).Succeeded);
        Assert.True((await As(Host, "resident", s => s.MarkPresentAsync(voteId, null, Ct))).Succeeded);
        Assert.Equal(ResultOutcome.NotAllowed, (await As(Host, "resident", s => s.MarkPresentAsync(voteId, others[0].Id, Ct))).Outcome);
        Assert.Equal(ResultOutcome.NotFound, (await As(Host, "resident2", s => s.MarkPresentAsync(voteId, null, Ct))).Outcome);
        foreach (var other in others) Assert.True((await As(Host, "secretary", s => s.MarkPresentAsync(voteId, other.Id, Ct))).Succeeded);
        // Voting signs in too: the voter below was not signed in before.
        var voter = roll.First(e => e.Id != own.Id && !others.Contains(e));
        Assert.True((await As(Host, "secretary", s => s.CastAsync(new CastCommand(voteId, BallotChannel.OnSite, [BallotQuestion.Agree], voter.Id), Ct))).Succeeded);
        Assert.Equal(4, await TestAccounts.DbAsync(Host, db => db.VotePresences.CountAsync(p => p.VoteId == voteId, Ct)));

        var closed = await As(Host, "secretary", async s => await s.CloseAsync(voteId, await VersionAsync(Host, voteId), Ct));
        Assert.True(closed.Succeeded, Host.TextOf(closed));
        var verdict = (await As(Host, "resident", s => s.ResultsAsync(voteId, Ct)))!.Verdict;
        Assert.Equal(4, verdict.Present!.Value.Headcount);
        Assert.Equal(1, verdict.Participants.Headcount);
        Assert.Equal(roll.Count, verdict.Entitled.Headcount);

        var owners = await OpenVoteAsync(Host, Form(community, new MatterScope(MatterScopeKind.Building, building), ShippedRuleSets.OwnersMajorMatters));
        var ownerRow = (await RollAsync(Host, owners))[0];
        var notCounted = await As(Host, "secretary", s => s.MarkPresentAsync(owners, ownerRow.Id, Ct));
        Assert.Equal("本次表决的规则不统计到会人数，无需签到。", Host.TextOf(notCounted));
    }

    [Fact]
    public async Task A_draft_changes_until_it_opens_and_an_up_to_k_of_n_ballot_is_checked_on_every_channel()
    {
        var community = await CommunityAsync(Host);
        var building = await BuildingOfAsync(Host, "resident");
        var scope = new MatterScope(MatterScopeKind.Building, building);
        var created = await As(Host, "secretary", s => s.CreateAsync(Form(community, scope, ShippedRuleSets.ResidentsMeeting), Ct));
        var form = Form(community, scope, ShippedRuleSets.ResidentsMeeting, channels: BallotChannels.Online | BallotChannels.OnSite | BallotChannels.Proxy) with
        {
            Title = "楼前空地用途", Kind = QuestionKind.UpTo, Options = ["修花坛", "装路灯", "划车位"], MaxChoices = 2,
        };

        var changed = await As(Host, "secretary", s => s.ChangeAsync(created.Id, created.Version!.Value, form, Ct));
        Assert.True(changed.Succeeded, Host.TextOf(changed));
        var stale = await As(Host, "secretary", s => s.ChangeAsync(created.Id, created.Version!.Value, form, Ct));
        Assert.Equal(ResultOutcome.Conflict, stale.Outcome);
        Assert.Equal(ResultOutcome.NotAllowed, (await As(Host, "resident", s => s.ChangeAsync(created.Id, changed.Version!.Value, form, Ct))).Outcome);
        var summary = await As(Host, "resident", s => s.SummaryAsync(created.Id, Ct));
        Assert.Equal((QuestionKind.UpTo, 2, false), (summary!.Kind, summary.MaxChoices, summary.CanManage));
        Assert.Equal(["修花坛", "装路灯", "划车位"], summary.Options);
        var opened = await As(Host, "secretary", s => s.OpenAsync(created.Id, changed.Version!.Value, Ct));
        Assert.True(opened.Succeeded, Host.TextOf(opened));
        Assert.Equal(ResultOutcome.Invalid, (await As(Host, "secretary", s => s.ChangeAsync(created.Id, opened.Version!.Value, form, Ct))).Outcome);

        // The resident scans the meeting's QR code (on site, no elector named: their own row).
        var qr = await As(Host, "resident", s => s.CastAsync(new CastCommand(created.Id, BallotChannel.OnSite, [2, 0]), Ct));
        Assert.True(qr.Succeeded, Host.TextOf(qr));
        var roll = await RollAsync(Host, created.Id);
        var own = await RowOfAsync(Host, created.Id, "resident");
        var other = roll.First(e => e.Id != own.Id);
        var tooMany = await As(Host, "secretary", s => s.CastAsync(new CastCommand(created.Id, BallotChannel.Proxy, [0, 1, 2], other.Id, Evidence: Scan("auth.pdf"), ProxyHolder: "王五"), Ct));
        Assert.Equal("选择的选项超过了允许的数量。", Host.TextOf(tooMany, nameof(CastCommand.Choices)));
        var noHolder = await As(Host, "secretary", s => s.CastAsync(new CastCommand(created.Id, BallotChannel.Proxy, [1], other.Id, Evidence: Scan("auth.pdf")), Ct));
        Assert.NotNull(Host.TextOf(noHolder, nameof(CastCommand.ProxyHolder)));
        var proxy = await As(Host, "secretary", s => s.CastAsync(new CastCommand(created.Id, BallotChannel.Proxy, [1], other.Id, Evidence: Scan("auth.pdf"), ProxyHolder: " 王五 "), Ct));
        Assert.True(proxy.Succeeded, Host.TextOf(proxy));

        var rows = await TestAccounts.DbAsync(Host, db => db.VoteParticipations.AsNoTracking().Where(p => p.VoteId == created.Id).OrderBy(p => p.Id).ToListAsync(Ct));
        Assert.Equal([(own.Key, BallotChannel.OnSite, (string?)null), (other.Key, BallotChannel.Proxy, "王五")],
            rows.Select(p => (p.ElectorKey, p.Channel, p.ProxyHolder)));
        var ballots = await TestAccounts.DbAsync(Host, db => db.NamedBallots.AsNoTracking().Where(b => b.VoteId == created.Id).OrderBy(b => b.Id)
            .Select(b => b.Choices).ToListAsync(Ct));
        Assert.Equal(["0,2", "1"], ballots);
    }
}
