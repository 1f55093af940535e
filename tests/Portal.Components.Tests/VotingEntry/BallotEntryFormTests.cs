using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Portal.Domain.Deliberation;
using Portal.Domain.Voting;
using Portal.Web.Features.Voting;
using Portal.Web.Features.Voting.Votes;
using Portal.Web.Features.Voting.Votes.Components.Entry;
using Portal.Web.Kit.Results;

namespace Portal.Components.Tests.VotingEntry;

/// <summary>
/// Staff ballot entry on a phone: the choices and what each channel needs, the refusal of a second ballot shown plainly,
/// what was typed kept on a refusal, and the sign-in of a present voter.
/// </summary>
public sealed class BallotEntryFormTests : PortalComponentTest
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10];

    private static VoteSummary Vote(QuestionKind kind = QuestionKind.Motion, IReadOnlyList<string>? options = null, int maxChoices = 1) =>
        new(7, 1, new MatterScope(MatterScopeKind.Community, 1), "是否加装电梯", kind, options ?? [], maxChoices, "业主共同决定（一般事项）", Secrecy.Named,
            BallotChannels.Paper | BallotChannels.DoorToDoor | BallotChannels.OnSite, DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(6),
            VoteStatus.Open, Guid.NewGuid(), true);

    private static RollRow Row(DateTime? castAtUtc = null, BallotChannel? channel = null) => new(42, "张桂兰", 87.34m, 3, castAtUtc, channel, true);

    private static Result<CastReceipt> AlreadyVoted() =>
        Result<CastReceipt>.From(Result.Conflict(Message.Of<VotingText>(VoteService.AlreadyVoted, "10:32", Message.Of<VotingText>("Channel.Paper"))));

    private IRenderedComponent<BallotEntryForm> Form(BallotChannel channel, Func<CastCommand, Task<Result<CastReceipt>>> cast, VoteSummary? vote = null,
        RollRow? row = null, Action? recorded = null) =>
        Render<BallotEntryForm>(p => p.Add(f => f.Vote, vote ?? Vote()).Add(f => f.Elector, row ?? Row()).Add(f => f.Channel, channel)
            .Add(f => f.Cast, cast).Add(f => f.OnRecorded, () => recorded?.Invoke()));

    [Fact]
    public void A_paper_ballot_is_recorded_with_its_number_choice_and_scan_and_the_page_is_told()
    {
        CastCommand? sent = null;
        var recorded = 0;
        var form = Form(BallotChannel.Paper, c =>
        {
            sent = c;
            return Task.FromResult(Result<CastReceipt>.Ok(new CastReceipt(new DateTime(2026, 12, 7, 2, 40, 0, DateTimeKind.Utc), null)));
        }, recorded: () => recorded++);

        Assert.Equal(["同意", "反对", "弃权"], form.FindAll(".entry-choice span").Select(s => s.TextContent));
        form.Find("[data-testid=entry-choice-1]").Change("on"); // what a browser sends for a checked radio (not true)
        form.Find("input[data-testid=entry-paper-number]").Change("P-017");
        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Jpeg, "扫描.jpg", contentType: "image/jpeg"));
        form.WaitForAssertion(() => Assert.Contains("扫描.jpg", form.Find("[data-testid=entry-file-name]").TextContent));
        form.Find("[data-testid=entry-submit]").Click();

        form.WaitForAssertion(() => Assert.Equal("已录入：10:40 通过纸质票投票。", form.Find("[data-testid=entry-recorded]").TextContent.Trim()));
        Assert.NotNull(sent);
        Assert.Equal((7, BallotChannel.Paper, 42, "P-017"), (sent.VoteId, sent.Channel, sent.ElectorId!.Value, sent.PaperNumber));
        Assert.Equal([BallotQuestion.Disagree], sent.Choices);
        Assert.Equal(Jpeg, sent.Evidence!.Content);
        Assert.Equal(1, recorded);
        Assert.Empty(form.FindAll("[data-testid=entry-submit]"));
    }

    [Fact]
    public void A_second_ballot_is_refused_plainly_and_what_was_typed_stays()
    {
        var recorded = 0;
        var form = Form(BallotChannel.Paper, _ => Task.FromResult(AlreadyVoted()), recorded: () => recorded++);
        form.Find("[data-testid=entry-choice-0]").Change(true);
        form.Find("input[data-testid=entry-paper-number]").Change("P-018");
        form.Find("[data-testid=entry-submit]").Click();

        form.WaitForAssertion(() => Assert.Equal("已于 10:32 通过纸质票投票，每人只能投一票。", form.Find("[data-testid=entry-refusal]").TextContent.Trim()));
        Assert.Equal("P-018", form.Find("input[data-testid=entry-paper-number]").GetAttribute("value"));
        Assert.True(form.Find("[data-testid=entry-choice-0]").HasAttribute("checked"));
        Assert.Equal(0, recorded);
    }

    [Fact]
    public void A_field_error_shows_next_to_its_field_and_keeps_the_rest()
    {
        var form = Form(BallotChannel.Paper, _ => Task.FromResult(
            Result<CastReceipt>.Invalid(nameof(CastCommand.Evidence), Message.Of<VotingText>(VoteService.EvidenceRequired))));
        form.Find("[data-testid=entry-choice-2]").Change(true);
        form.Find("input[data-testid=entry-paper-number]").Change("P-019");
        form.Find("[data-testid=entry-submit]").Click();

        form.WaitForAssertion(() => Assert.Contains("请附上凭证", form.Find("[data-testid=entry-file-error]").TextContent));
        Assert.Empty(form.FindAll("[data-testid=entry-refusal]"));
        Assert.Equal("P-019", form.Find("input[data-testid=entry-paper-number]").GetAttribute("value"));
        Assert.True(form.Find("[data-testid=entry-choice-2]").HasAttribute("checked"));
    }

    [Fact]
    public void An_elector_who_voted_already_shows_when_and_how_with_no_form()
    {
        var form = Form(BallotChannel.DoorToDoor, _ => throw new InvalidOperationException("no cast for a voter who voted"),
            row: Row(new DateTime(2026, 12, 7, 2, 32, 0, DateTimeKind.Utc), BallotChannel.Paper));

        Assert.Equal("已于 10:32 通过纸质票投票，每人只能投一票。", form.Find("[data-testid=entry-refusal]").TextContent.Trim());
        Assert.Empty(form.FindAll("[data-testid=entry-submit]"));
    }

    [Fact]
    public void Door_to_door_opens_the_phone_camera_for_the_signature_and_asks_no_paper_number()
    {
        var form = Form(BallotChannel.DoorToDoor, _ => Task.FromResult(AlreadyVoted()));

        var file = form.Find("[data-testid=entry-file]");
        Assert.Equal("image/*", file.GetAttribute("accept"));
        Assert.Equal("environment", file.GetAttribute("capture"));
        Assert.Contains("签名照片", form.Find(".entry-file-label").TextContent);
        // The visible button is ours, in the page's language, and opens that input (not the browser's "Choose File").
        var button = form.Find("[data-testid=entry-file-button]");
        Assert.Equal("拍照", button.TextContent.Trim());
        Assert.Equal(file.GetAttribute("id"), button.GetAttribute("for"));
        Assert.Empty(form.FindAll("[data-testid=entry-paper-number]"));
    }

    [Fact]
    public void A_proxy_ballot_names_its_holder_and_an_on_site_ballot_needs_no_file()
    {
        CastCommand? sent = null;
        var proxy = Form(BallotChannel.Proxy, c => { sent = c; return Task.FromResult(AlreadyVoted()); });
        Assert.Contains("委托书", proxy.Find(".entry-file-label").TextContent);
        Assert.Equal("选择文件", proxy.Find("[data-testid=entry-file-button]").TextContent.Trim());
        proxy.Find("[data-testid=entry-choice-0]").Change(true);
        proxy.Find("input[data-testid=entry-proxy-holder]").Change("王五");
        proxy.Find("[data-testid=entry-submit]").Click();
        proxy.WaitForAssertion(() => Assert.Equal("王五", sent?.ProxyHolder));

        var onSite = Form(BallotChannel.OnSite, _ => Task.FromResult(AlreadyVoted()));
        Assert.Empty(onSite.FindAll("[data-testid=entry-file]"));
        Assert.Empty(onSite.FindAll("[data-testid=entry-proxy-holder]"));
    }

    [Fact]
    public void An_up_to_k_vote_takes_several_choices_a_one_of_n_vote_one()
    {
        CastCommand? sent = null;
        Func<CastCommand, Task<Result<CastReceipt>>> cast = c => { sent = c; return Task.FromResult(AlreadyVoted()); };
        var upTo = Form(BallotChannel.OnSite, cast, Vote(QuestionKind.UpTo, ["甲方案", "乙方案", "丙方案"], 2));
        Assert.Contains("最多选 2 项", upTo.Find("legend").TextContent);
        upTo.Find("[data-testid=entry-choice-0]").Change(true);
        upTo.Find("[data-testid=entry-choice-2]").Change(true);
        upTo.Find("[data-testid=entry-submit]").Click();
        upTo.WaitForAssertion(() => Assert.Equal([0, 2], sent?.Choices));

        var oneOf = Form(BallotChannel.OnSite, cast, Vote(QuestionKind.OneOf, ["甲方案", "乙方案"]));
        oneOf.Find("[data-testid=entry-choice-0]").Change(true);
        oneOf.Find("[data-testid=entry-choice-1]").Change(true);
        oneOf.Find("[data-testid=entry-submit]").Click();
        oneOf.WaitForAssertion(() => Assert.Equal([1], sent?.Choices));
    }

    [Fact]
    public void Staff_sign_a_present_voter_in_and_a_refusal_shows()
    {
        var marked = 0;
        var recorded = 0;
        var ok = Render<PresenceSignIn>(p => p.Add(f => f.Elector, Row()).Add(f => f.Mark, () => { marked++; return Task.FromResult(Result.Ok()); })
            .Add(f => f.OnRecorded, () => recorded++));
        ok.Find("[data-testid=entry-mark-present]").Click();
        ok.WaitForAssertion(() => Assert.Equal("已签到。", ok.Find("[data-testid=entry-recorded]").TextContent.Trim()));
        Assert.Equal((1, 1), (marked, recorded));

        var refused = Render<PresenceSignIn>(p => p.Add(f => f.Elector, Row())
            .Add(f => f.Mark, () => Task.FromResult(Result.Invalid(Message.Of<VotingText>(VoteService.AttendanceNotCounted)))));
        refused.Find("[data-testid=entry-mark-present]").Click();
        refused.WaitForAssertion(() => Assert.Contains("无需签到", refused.Find("[data-testid=entry-refusal]").TextContent));
    }
}
