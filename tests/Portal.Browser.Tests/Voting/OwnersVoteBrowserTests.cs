using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Domain.Voting;
using Portal.Testing;
using Portal.Web.Features.Deliberation.Matters;
using Portal.Web.Features.Deliberation.Sessions;
using Portal.Web.Features.Deliberation.Templates;
using Portal.Web.Features.Deliberation.VoteLinks;
using Portal.Web.Features.Localization;
using Portal.Web.Features.Voting.Votes;
using Portal.Web.Kit.Results;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests.Voting;

/// <summary>
/// The issue's first "done when", in real browsers: the secretary drafts and opens an owners' vote on a major matter
/// for one building; three owners vote on their phones; the grid worker records a paper ballot, and an owner's second
/// ballot on another channel is refused with when and how the first was cast; the projector's turnout follows live; the
/// secretary closes; the verdict's arithmetic is the one computed here from the roll; the decision is published, an
/// objection filed and answered, the notice closed after its window, and the implementation task created.
/// </summary>
public sealed class OwnersVoteBrowserTests(BrowserFixture browser, VotingServerFixture server) : IClassFixture<VotingServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The issue's bound for a change to reach the other pages (the projector).</summary>
    private static readonly LocatorAssertionsToHaveTextOptions Live = new() { Timeout = 2_000 };

    private PortalHost Portal => server.Portal;

    private static ILocator RollRow(IPage page, int electorId) => page.Locator($"[data-testid=roll-row][data-elector='{electorId}']");

    [Fact]
    public async Task Owners_vote_from_opening_through_phones_paper_and_a_refused_second_ballot_to_the_verdict_notice_objection_and_task()
    {
        const string title = "1号楼加装电梯";
        var rules = ShippedRuleSets.OwnersMajorMatters;
        var building = await VotingScenes.BuildingAsync(Portal, "1号楼", Ct);
        var owners = await VotingScenes.OwnerAccountsAsync(Portal, building, 3, "owner", Ct);
        var sessionId = await SessionAtVoteStepAsync(building, owners[0].UserName);

        // The secretary's draft (the draft form has its own component tests), opened on the vote's page.
        var community = await VotingScenes.CommunityAsync(Portal, Ct);
        var draft = await Portal.AsAsync<VoteService, Result<VoteSummary>>("secretary", s => s.CreateAsync(new VoteForm(community,
            new MatterScope(MatterScopeKind.Building, building), title, QuestionKind.Motion, [], 1, rules.Code, Secrecy.Named,
            BallotChannels.Online | BallotChannels.Paper | BallotChannels.DoorToDoor | BallotChannels.OnSite,
            DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddDays(7)), Ct));
        Assert.True(draft.Succeeded, Portal.TextOf(draft));
        var voteId = draft.Id;
        await using var desk = await browser.NewContextAsync(server.BaseAddress);
        var secretary = await PortalPage.SignedInPageAsync(desk, "secretary", $"/votes/{voteId}");
        await Expect(secretary.GetByTestId("vote-heading")).ToHaveTextAsync(title);

        // Opening freezes the roll: one elector per owner of the building, with their exclusive area.
        await secretary.GetByTestId("vote-open").ClickAsync();
        await secretary.Locator(PortalPage.DialogSelector).GetByRole(AriaRole.Button, new() { Name = "开始表决" }).ClickAsync();
        await Expect(secretary.GetByTestId("vote-close")).ToBeVisibleAsync();
        var roll = await VotingScenes.RollAsync(Portal, voteId, Ct);
        Assert.All(owners, o => Assert.Single(roll, e => e.OwnerId == o.OwnerId));
        Assert.Equal(title, await Portal.AsAsync<VoteLinkService, string>("secretary", async s =>
        {
            var linked = await s.LinkAsync(sessionId, 0, voteId, Ct);
            Assert.True(linked.Succeeded, Portal.TextOf(linked));
            return linked.Value!.Steps[0].Vote!.Title;
        }));

        // Most owners' ballots come in on paper before the meeting (entered here through the service); two owners never vote.
        var mine = owners.Select(o => roll.Single(e => e.OwnerId == o.OwnerId)).ToList();
        var others = roll.Where(e => mine.All(m => m.Id != e.Id)).ToList();
        var paper = others[0];
        var earlier = others.Skip(1).SkipLast(2).ToList();
        var choices = new Dictionary<int, int>();
        for (var i = 0; i < earlier.Count; i++)
        {
            choices[earlier[i].Id] = i == 0 ? BallotQuestion.Disagree : BallotQuestion.Agree;
            await VotingScenes.PaperBallotAsync(Portal, voteId, earlier[i].Id, $"Z-{i + 1:000}", choices[earlier[i].Id], Ct);
        }

        // The projector, on a second screen: turnout by headcount and area.
        await using var projectorContext = await browser.NewContextAsync(server.BaseAddress);
        var projector = await PortalPage.SignedInPageAsync(projectorContext, "secretary", $"/votes/{voteId}/display");
        var headcount = projector.GetByTestId("turnout-headcount-figures");
        await Expect(headcount).ToHaveTextAsync($"{earlier.Count} / {roll.Count} 人");
        await Expect(projector.GetByTestId("turnout-area-figures"))
            .ToHaveTextAsync($"{Area(earlier.Sum(e => e.Area))} / {Area(roll.Sum(e => e.Area))} 平方米");

        // The grid worker (on a phone) starts a door-to-door ballot for the first owner, who meanwhile votes online.
        await using var workerPhone = await browser.NewContextAsync(server.BaseAddress, BrowserFixture.Phone);
        var worker = await PortalPage.SignedInPageAsync(workerPhone, "gridworker", $"/votes/{voteId}");
        var doorRow = RollRow(worker, mine[0].Id);
        await doorRow.GetByTestId("entry-kind-DoorToDoorBallot").ClickAsync();
        await doorRow.GetByTestId("entry-choice-label-0").ClickAsync();
        await doorRow.GetByTestId("entry-file").SetInputFilesAsync(new FilePayload { Name = "签名.jpg", MimeType = "image/jpeg", Buffer = VotingScenes.Jpeg });
        await Expect(doorRow.GetByTestId("entry-file-name")).ToBeVisibleAsync();

        // Three owners vote on their phones: the first from "my votes", the others from the vote's link.
        var ownChoices = new[] { BallotQuestion.Agree, BallotQuestion.Agree, BallotQuestion.Disagree };
        for (var i = 0; i < owners.Count; i++)
        {
            await using var phone = await browser.NewContextAsync(server.BaseAddress, BrowserFixture.Phone);
            IPage page;
            if (i == 0)
            {
                page = await PortalPage.SignedInPageAsync(phone, owners[i].UserName, "/votes/mine");
                var card = page.Locator($"[data-testid=my-vote-card][data-vote='{voteId}']");
                await PortalPage.AssertTouchableAsync(card.GetByTestId("my-vote-action"), "the card's vote button");
                await card.GetByTestId("my-vote-action").ClickAsync();
                await page.WaitForURLAsync($"**/votes/{voteId}/ballot");
                await PortalPage.WaitForCircuitAsync(page);
            }
            else
            {
                page = await PortalPage.SignedInPageAsync(phone, owners[i].UserName, $"/votes/{voteId}/ballot");
            }
            var option = page.GetByTestId($"ballot-option-{ownChoices[i]}");
            await PortalPage.AssertTouchableAsync(option, "a ballot option");
            await option.ClickAsync();
            await Expect(page.GetByTestId("ballot-confirm-text")).ToContainTextAsync(ownChoices[i] == BallotQuestion.Agree ? "同意" : "反对");
            await PortalPage.AssertTouchableAsync(page.GetByTestId("ballot-cast"), "the cast button");
            await page.GetByTestId("ballot-cast").ClickAsync();
            await Expect(page.GetByTestId("ballot-done")).ToBeVisibleAsync();
            await PortalPage.AssertNoSidewaysScrollAsync(page);
            choices[mine[i].Id] = ownChoices[i];
            await Expect(headcount).ToHaveTextAsync($"{earlier.Count + i + 1} / {roll.Count} 人", Live);
        }

        // The door-to-door ballot for the first owner is refused: they voted online first, and it is said when.
        await doorRow.GetByTestId("entry-submit").ClickAsync();
        var online = await CastAtAsync(voteId, mine[0].Key);
        await Expect(doorRow.GetByTestId("entry-refusal")).ToHaveTextAsync($"已于 {online:HH:mm} 通过线上投票，每人只能投一票。");
        Assert.Equal(1, await ParticipationsAsync(voteId, mine[0].Key));

        // The grid worker records another owner's paper ballot: number, choice and the ballot's scan.
        var paperRow = RollRow(worker, paper.Id);
        await paperRow.GetByTestId("entry-kind-PaperBallot").ClickAsync();
        await paperRow.GetByTestId("entry-choice-label-0").ClickAsync();
        await PortalPage.InputOf(paperRow, "entry-paper-number").FillAsync("A-017");
        await paperRow.GetByTestId("entry-file").SetInputFilesAsync(new FilePayload { Name = "A-017.jpg", MimeType = "image/jpeg", Buffer = VotingScenes.Jpeg });
        await Expect(paperRow.GetByTestId("entry-file-name")).ToBeVisibleAsync();
        await paperRow.GetByTestId("entry-submit").ClickAsync();
        // Recorded: the row reloads as voted (its form gone, so nobody records it twice) with the time and the channel.
        await Expect(paperRow).ToHaveAttributeAsync("data-voted", "true");
        await Expect(paperRow.GetByTestId("roll-cast")).ToContainTextAsync($"{await CastAtAsync(voteId, paper.Key):HH:mm}");
        await Expect(paperRow.GetByTestId("roll-cast")).ToContainTextAsync("纸质票");
        await Expect(paperRow.GetByTestId("entry-submit")).ToHaveCountAsync(0);
        choices[paper.Id] = BallotQuestion.Agree;
        await Expect(headcount).ToHaveTextAsync($"{choices.Count} / {roll.Count} 人", Live);
        await PortalPage.AssertNoSidewaysScrollAsync(worker);

        // The secretary closes the vote; the verdict and its arithmetic, computed here from the roll and the ballots.
        await secretary.ReloadAsync();
        await PortalPage.WaitForCircuitAsync(secretary);
        await secretary.GetByTestId("vote-close").ClickAsync();
        await secretary.Locator(PortalPage.DialogSelector).GetByRole(AriaRole.Button, new() { Name = "结束表决" }).ClickAsync();
        var expected = Arithmetic(roll, choices);
        Assert.True(expected.Passed, "the arranged ballots should pass the major-matter rule: " + string.Join("; ", expected.Lines));
        await Expect(secretary.GetByTestId("verdict-plain")).ToHaveTextAsync("通过");
        await Expect(secretary.GetByTestId("verdict-line")).ToHaveTextAsync(expected.Lines);
        await Expect(secretary.GetByTestId("results-named-row")).ToHaveCountAsync(choices.Count);
        await Expect(projector.GetByTestId("verdict-plain")).ToHaveTextAsync("通过", Live);
        await Expect(projector.GetByTestId("verdict-line")).ToHaveTextAsync(expected.Lines);

        // The step is completed with the vote as its evidence; the next step publishes the decision.
        var session = await desk.NewPageAsync();
        await session.GotoAsync($"/deliberation/sessions/{sessionId}");
        await PortalPage.WaitForCircuitAsync(session);
        await session.GetByTestId("complete-step").ClickAsync();
        // The vote is picked from the session's records, named in words with its verdict (the only final one: chosen already).
        await Expect(session.GetByTestId($"evidence-{EvidenceKind.Vote}")).ToContainTextAsync($"{title}（第 {voteId} 号表决）· 通过");
        var pickVote = session.GetByTestId($"evidence-{EvidenceKind.Vote}-{voteId}");
        await pickVote.CheckAsync();
        await Expect(pickVote).ToBeCheckedAsync();
        await session.GetByTestId("complete-step-save").ClickAsync();
        await Expect(session.GetByTestId("complete-step-dialog")).ToHaveCountAsync(0);
        await session.GetByTestId("notice-publish-start").ClickAsync();
        await Expect(PortalPage.InputOf(session, "notice-publish-text")).ToHaveValueAsync($"经居民表决，“{title}”获得通过，现予公示。");
        await Expect(PortalPage.InputOf(session, "notice-publish-period")).ToHaveValueAsync("7");
        // Published: the secretary is taken to the notice itself.
        await session.GetByTestId("notice-publish-submit").ClickAsync();
        await session.WaitForURLAsync(new Regex(@"/deliberation/notices/\d+$"));
        var noticePath = new Uri(session.Url).AbsolutePath;
        await PortalPage.WaitForCircuitAsync(session);

        // An owner objects on their phone.
        await using (var phone = await browser.NewContextAsync(server.BaseAddress, BrowserFixture.Phone))
        {
            var owner = await PortalPage.SignedInPageAsync(phone, owners[2].UserName, noticePath);
            await Expect(owner.GetByTestId("notice-text")).ToHaveTextAsync($"经居民表决，“{title}”获得通过，现予公示。");
            await PortalPage.InputOf(owner, "objection-text").FillAsync("施工期间请保留一部楼梯通道。");
            await PortalPage.AssertTouchableAsync(owner.GetByTestId("objection-submit"), "the objection button");
            await owner.GetByTestId("objection-submit").ClickAsync();
            await Expect(owner.GetByTestId("objection-1")).ToContainTextAsync("施工期间请保留一部楼梯通道。");
            await Expect(owner.GetByTestId("objection-mine")).ToBeVisibleAsync();
            await PortalPage.AssertNoSidewaysScrollAsync(owner);
        }

        // The secretary answers; closing inside the window is refused; after the window it closes and the task exists.
        await session.ReloadAsync();
        await PortalPage.WaitForCircuitAsync(session);
        await PortalPage.InputOf(session, "answer-text-1").FillAsync("施工方案已要求分段封闭，保留东侧楼梯。");
        await session.GetByTestId("answer-submit-1").ClickAsync();
        await Expect(session.GetByTestId("objection-answer-1")).ToContainTextAsync("保留东侧楼梯");
        await session.GetByTestId("notice-close").ClickAsync();
        await Expect(session.GetByTestId("close-error")).ToHaveTextAsync("公示期尚未结束，不能结束公示。");
        server.NoticeClock.Ahead = TimeSpan.FromDays(8);
        try
        {
            await session.GetByTestId("notice-close").ClickAsync();
            await Expect(session.GetByTestId("notice-closed")).ToBeVisibleAsync();
        }
        finally
        {
            server.NoticeClock.Ahead = TimeSpan.Zero;
        }
        var task = session.GetByTestId("notice-task");
        await Expect(task).ToBeVisibleAsync();
        var taskId = int.Parse(Regex.Match(await task.GetAttributeAsync("href") ?? "", @"/lists/items/(\d+)$").Groups[1].Value, CultureInfo.InvariantCulture);
        await using var db = await Portal.NewDbContextAsync(Ct);
        Assert.True(await db.WorkItems.AnyAsync(w => w.Id == taskId, Ct));
    }

    /// <summary>
    /// A session of 1号楼 on a two-step procedure: 说了算 (decided by the vote) and 有回音 (the public notice), started on
    /// a matter the owner raised and the secretary accepted. Its id.
    /// </summary>
    private async Task<int> SessionAtVoteStepAsync(int building, string raiser)
    {
        var community = await VotingScenes.CommunityAsync(Portal, Ct);
        var template = await Portal.AsAsync<TemplateService, Result<TemplateRow>>("secretary", s => s.CreateAsync(new TemplateForm
        {
            OwnerScope = ScopeKind.Community, OwnerId = community, Name = "加装电梯议事",
            Steps =
            [
                ProcedureStep.Of("说了算", PortalRole.CommunitySecretary, null, EvidenceKind.Vote),
                ProcedureStep.Of("有回音", PortalRole.CommunitySecretary, null, EvidenceKind.PublicNotice),
            ],
        }, Ct));
        Assert.True(template.Succeeded, Portal.TextOf(template));
        var raised = await Portal.AsAsync<MatterService, Result<MatterRow>>(raiser, s => s.RaiseAsync(new MatterForm
        {
            CommunityId = community, ScopeKind = MatterScopeKind.Building, ScopeId = building, Title = "1号楼加装电梯",
        }, Ct));
        Assert.True(raised.Succeeded, Portal.TextOf(raised));
        var accepted = await Portal.AsAsync<MatterService, Result<MatterRow>>("secretary", async s =>
        {
            await using var db = await Portal.NewDbContextAsync(Ct);
            return await s.AcceptAsync(raised.Id, await db.Matters.Where(m => m.Id == raised.Id).Select(m => m.Version).SingleAsync(Ct), Ct);
        });
        Assert.True(accepted.Succeeded, Portal.TextOf(accepted));
        var started = await Portal.AsAsync<SessionService, Result<SessionTimeline>>("secretary", s => s.StartAsync(raised.Id, template.Id, Ct));
        Assert.True(started.Succeeded, Portal.TextOf(started));
        return started.Id;
    }

    private async Task<DateTime> CastAtAsync(int voteId, string electorKey)
    {
        await using var db = await Portal.NewDbContextAsync(Ct);
        return PortalTime.ToLocal(await db.VoteParticipations.Where(p => p.VoteId == voteId && p.ElectorKey == electorKey).Select(p => p.CastAtUtc).SingleAsync(Ct));
    }

    private async Task<int> ParticipationsAsync(int voteId, string electorKey)
    {
        await using var db = await Portal.NewDbContextAsync(Ct);
        return await db.VoteParticipations.CountAsync(p => p.VoteId == voteId && p.ElectorKey == electorKey, Ct);
    }

    private static string Area(decimal area) => area.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// Civil Code art. 278, major matters, counted by hand: participation ≥ 2/3 of all owners' area and headcount, and
    /// agreement ≥ 3/4 of the participants' area and headcount; each line as the page writes it (one decimal).
    /// </summary>
    private static (bool Passed, string[] Lines) Arithmetic(IReadOnlyList<VoteElector> roll, IReadOnlyDictionary<int, int> choices)
    {
        var voted = roll.Where(e => choices.ContainsKey(e.Id)).ToList();
        var agreed = voted.Where(e => choices[e.Id] == BallotQuestion.Agree).ToList();
        (decimal Part, decimal Whole)[] quorum = [(voted.Sum(e => e.Area), roll.Sum(e => e.Area)), (voted.Count, roll.Count)];
        (decimal Part, decimal Whole)[] pass = [(agreed.Sum(e => e.Area), voted.Sum(e => e.Area)), (agreed.Count, voted.Count)];
        static string Line(string label, (decimal Part, decimal Whole) share, int numerator, int denominator)
        {
            var held = share.Part * denominator >= share.Whole * numerator;
            var percent = decimal.Round(share.Part * 100m / share.Whole, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture);
            return $"{label} {percent}% ≥ {numerator}/{denominator} {(held ? "✓" : "✗")}";
        }
        string[] lines =
        [
            Line("参与面积", quorum[0], 2, 3), Line("参与人数", quorum[1], 2, 3),
            Line("同意面积占参与", pass[0], 3, 4), Line("同意人数占参与", pass[1], 3, 4),
        ];
        return (lines.All(l => l.EndsWith('✓')), lines);
    }
}
