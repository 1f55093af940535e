using Portal.Domain.Voting;
using Portal.Web.Features.Voting.Votes;
using Portal.Web.Features.Voting.Votes.Components.Resident;
using Portal.Web.Kit.Results;
using Portal.Web.Features.Voting;

namespace Portal.Components.Tests.VotingResident;

/// <summary>
/// The ballot on a phone: big full-width option buttons, a confirmation that repeats the choice, then the answer (the
/// receipt code of a secret vote, or a plain confirmation); a refusal keeps the choice on screen.
/// </summary>
public sealed class BallotFormTests : PortalComponentTest
{
    private readonly List<IReadOnlyList<int>> _cast = [];
    private Result<CastReceipt> _answer = Result<CastReceipt>.Ok(new CastReceipt(ResidentVoteTestData.Now, null));

    private IRenderedComponent<BallotForm> RenderForm(QuestionKind kind = QuestionKind.Motion, IReadOnlyList<string>? options = null, int max = 1) =>
        Render<BallotForm>(p => p.Add(f => f.Kind, kind).Add(f => f.Options, options ?? []).Add(f => f.MaxChoices, max)
            .Add(f => f.Cast, choices => { _cast.Add(choices); return Task.FromResult(_answer); }));

    [Fact]
    public void A_motion_offers_agree_disagree_and_abstain_as_full_width_buttons()
    {
        var form = RenderForm();

        var buttons = form.FindAll("[data-testid^=ballot-option-]");
        Assert.Equal(["同意", "反对", "弃权"], buttons.Select(b => b.TextContent.Trim()));
        Assert.All(buttons, b => Assert.Contains("mud-width-full", b.ClassName));
        Assert.All(buttons, b => Assert.Contains("ballot-option", b.ClassName));
        Assert.Equal("请选择：同意、反对或弃权。", form.Find("[data-testid=ballot-ask]").TextContent);
    }

    [Fact]
    public void Choosing_asks_to_confirm_with_the_choice_repeated_and_casts_only_after_confirming()
    {
        var form = RenderForm();

        form.Find("[data-testid=ballot-option-0]").Click();

        Assert.Equal("确认投票：同意？", form.Find("[data-testid=ballot-confirm-text]").TextContent);
        Assert.Contains("不能撤回", form.Markup);
        Assert.Empty(_cast);
        form.Find("[data-testid=ballot-cast]").Click();
        Assert.Equal([BallotQuestion.Agree], Assert.Single(_cast));
        Assert.Contains("投票成功：同意", form.Find("[data-testid=ballot-done]").TextContent);
        Assert.Empty(form.FindAll("[data-testid=receipt-panel]"));
    }

    [Fact]
    public void Going_back_from_the_confirmation_changes_the_choice()
    {
        var form = RenderForm();

        form.Find("[data-testid=ballot-option-0]").Click();
        form.Find("[data-testid=ballot-back]").Click();
        form.Find("[data-testid=ballot-option-1]").Click();
        form.Find("[data-testid=ballot-cast]").Click();

        Assert.Equal([BallotQuestion.Disagree], Assert.Single(_cast));
    }

    [Fact]
    public void A_secret_ballot_answers_with_its_receipt_code_once_with_copy_and_the_advice_to_keep_it()
    {
        _answer = Result<CastReceipt>.Ok(new CastReceipt(ResidentVoteTestData.Now, "K7Q2-M9XD"));
        var form = RenderForm();

        form.Find("[data-testid=ballot-option-2]").Click();
        form.Find("[data-testid=ballot-cast]").Click();

        Assert.Equal("K7Q2-M9XD", form.Find("[data-testid=receipt-code]").TextContent);
        Assert.Contains("投票成功：弃权", form.Find("[data-testid=receipt-panel]").TextContent);
        Assert.Contains("截图保存", form.Find("[data-testid=receipt-advice]").TextContent);
        form.Find("[data-testid=receipt-copy]").Click();
        Assert.Equal("K7Q2-M9XD", JSInterop.Invocations.Single(i => i.Identifier == "navigator.clipboard.writeText").Arguments[0]);
        Assert.Equal("已复制。", form.Find("[data-testid=receipt-copy-message]").TextContent);
    }

    [Fact]
    public void A_refusal_keeps_the_choice_on_screen_with_the_reason()
    {
        _answer = Result<CastReceipt>.From(Result.Conflict(Message.Of<VotingText>(VoteService.AlreadyVoted, "10:32", Message.Of<VotingText>("Channel.Paper"))));
        var form = RenderForm();

        form.Find("[data-testid=ballot-option-0]").Click();
        form.Find("[data-testid=ballot-cast]").Click();

        Assert.Equal("已于 10:32 通过纸质票投票，每人只能投一票。", form.Find("[data-testid=ballot-error]").TextContent);
        Assert.Equal("确认投票：同意？", form.Find("[data-testid=ballot-confirm-text]").TextContent);
        Assert.Equal("Confirm", form.Find("[data-testid=ballot-form]").GetAttribute("data-stage"));
    }

    [Fact]
    public void One_of_n_shows_the_options_own_words()
    {
        var form = RenderForm(QuestionKind.OneOf, ["东侧", "西侧", "北侧"]);

        Assert.Equal("请从 3 项中选择 1 项。", form.Find("[data-testid=ballot-ask]").TextContent);
        form.Find("[data-testid=ballot-option-1]").Click();
        Assert.Equal("确认投票：西侧？", form.Find("[data-testid=ballot-confirm-text]").TextContent);
    }

    [Fact]
    public void Up_to_k_of_n_counts_the_choices_and_refuses_one_more_than_k()
    {
        var form = RenderForm(QuestionKind.UpTo, ["健身器材", "儿童滑梯", "休闲座椅", "遮阳棚"], 2);

        Assert.Equal("已选 0 项，最多 2 项", form.Find("[data-testid=ballot-counter]").TextContent);
        form.Find("[data-testid=ballot-option-3]").Click();
        form.Find("[data-testid=ballot-option-0]").Click();
        Assert.Equal("已选 2 项，最多 2 项", form.Find("[data-testid=ballot-counter]").TextContent);
        Assert.Equal("true", form.Find("[data-testid=ballot-option-0]").GetAttribute("aria-pressed"));

        form.Find("[data-testid=ballot-option-1]").Click();
        Assert.Contains("最多只能选 2 项", form.Find("[data-testid=ballot-limit]").TextContent);
        Assert.Equal("false", form.Find("[data-testid=ballot-option-1]").GetAttribute("aria-pressed"));

        form.Find("[data-testid=ballot-next]").Click();
        Assert.Equal("确认投票：健身器材、遮阳棚？", form.Find("[data-testid=ballot-confirm-text]").TextContent);
        form.Find("[data-testid=ballot-cast]").Click();
        Assert.Equal([0, 3], Assert.Single(_cast));
    }

    [Fact]
    public void The_ballot_speaks_english_when_chosen()
    {
        UseCulture("en");
        var form = RenderForm();

        form.Find("[data-testid=ballot-option-1]").Click();

        Assert.Equal("Confirm your vote: Disagree?", form.Find("[data-testid=ballot-confirm-text]").TextContent);
    }
}
