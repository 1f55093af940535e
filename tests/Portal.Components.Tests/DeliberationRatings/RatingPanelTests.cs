using Portal.Domain.Deliberation;
using Portal.Web.Features.Deliberation;
using Portal.Web.Features.Deliberation.Ratings;
using Portal.Web.Kit.Results;

namespace Portal.Components.Tests.DeliberationRatings;

/// <summary>
/// The rating section's face: the manager's opening form, the resident's three choices and comment (refused without a
/// choice, nothing sent), the summary with its arithmetic, the comments for managers only, the frozen result, and a
/// resident outside the scope told why they cannot rate.
/// </summary>
public sealed class RatingPanelTests : PortalComponentTest
{
    private static readonly DateTime Opened = DateTime.UtcNow.AddDays(-1);

    private static RatingRoundView Round(RatingTally tally, RatingStanding standing = RatingStanding.Rates, bool manages = false, MyRating? mine = null,
        DateTime? closedAt = null, bool inWindow = true, IReadOnlyList<RatingComment>? comments = null) =>
        new(4, 9, 6, "群众评事", Opened, 7, Opened.AddDays(7), inWindow, closedAt, tally, mine, standing, manages, comments ?? [], Guid.NewGuid());

    private readonly List<string> _calls = [];

    private IRenderedComponent<RatingPanel> Panel(SessionRatings section, string culture = "zh-CN", Result? answer = null) =>
        RenderIn<RatingPanel>(culture, p => p.Add(x => x.Section, section)
            .Add(x => x.Open, days => { _calls.Add($"open {days}"); return Task.FromResult(answer ?? Result.Ok()); })
            .Add(x => x.Rate, (level, comment) => { _calls.Add($"rate {level} {comment}"); return Task.FromResult(answer ?? Result.Ok()); })
            .Add(x => x.Close, () => { _calls.Add("close"); return Task.FromResult(answer ?? Result.Ok()); }));

    [Fact]
    public void Nothing_is_shown_before_a_round_to_those_who_cannot_open_one()
    {
        Assert.Empty(Panel(new SessionRatings(9, null, false, 30)).Markup.Trim());
    }

    [Fact]
    public async Task A_manager_opens_the_round_with_the_steps_time_limit_as_the_period()
    {
        var panel = Panel(new SessionRatings(9, null, true, 30));

        await panel.Find("[data-testid=ratings-open-start]").ClickAsync(new());
        Assert.Equal("30", panel.Find("input[data-testid=ratings-open-period]").GetAttribute("value"));
        await panel.Find("[data-testid=ratings-open-form]").SubmitAsync();

        Assert.Equal(["open 30"], _calls);
    }

    [Fact]
    public async Task A_resident_must_choose_a_level_before_anything_is_sent_then_sends_the_choice_and_comment()
    {
        var panel = Panel(new SessionRatings(9, Round(new RatingTally(0, 0, 0)), false, 7));
        Assert.Equal(3, panel.FindAll("[data-testid^=rating-level-][role=radio]").Count);

        await panel.Find("[data-testid=rating-form]").SubmitAsync();
        Assert.Equal("请选择满意、基本满意或不满意。", panel.Find("[data-testid=rating-level-error]").TextContent.Trim());
        Assert.Empty(_calls);

        await panel.Find("[data-testid=rating-level-BasicallySatisfied]").ClickAsync(new());
        Assert.Equal("true", panel.Find("[data-testid=rating-level-BasicallySatisfied]").GetAttribute("aria-checked"));
        panel.Find("textarea[data-testid=rating-comment]").Input("绿化还需加强");
        await panel.Find("[data-testid=rating-form]").SubmitAsync();

        Assert.Equal(["rate BasicallySatisfied 绿化还需加强"], _calls);
    }

    [Fact]
    public void A_residents_own_rating_fills_the_form_to_change_it()
    {
        var mine = new MyRating(RatingLevel.Dissatisfied, "噪音大", Opened, Guid.NewGuid());
        var panel = Panel(new SessionRatings(9, Round(new RatingTally(0, 0, 1), mine: mine), false, 7));

        Assert.Equal("true", panel.Find("[data-testid=rating-level-Dissatisfied]").GetAttribute("aria-checked"));
        Assert.Equal("噪音大", panel.Find("textarea[data-testid=rating-comment]").GetAttribute("value") ?? panel.Find("textarea[data-testid=rating-comment]").TextContent);
        Assert.Contains("您的评价：不满意", panel.Find("[data-testid=rating-mine]").TextContent);
        Assert.Equal("保存修改", panel.Find("[data-testid=rating-submit]").TextContent.Trim());
    }

    [Fact]
    public async Task A_refusal_is_shown_under_the_form()
    {
        var refused = Result.NotAllowed(DeliberationText.Of(RatingService.ErrorNotInScope));
        var panel = Panel(new SessionRatings(9, Round(new RatingTally(0, 0, 0)), false, 7), answer: refused);

        await panel.Find("[data-testid=rating-level-Satisfied]").ClickAsync(new());
        await panel.Find("[data-testid=rating-form]").SubmitAsync();

        Assert.Equal("本次评议仅限议题范围内的居民参加。", panel.Find("[data-testid=rating-error]").TextContent.Trim());
    }

    [Theory]
    [InlineData("zh-CN", "满意率 =（满意 5 + 基本满意 2）÷ 参评 8 = 87.5%")]
    [InlineData("en", "Satisfaction = (satisfied 5 + basically satisfied 2) ÷ rated 8 = 87.5%")]
    public void The_summary_shows_each_level_as_a_bar_with_its_word_and_the_rate_with_its_arithmetic(string culture, string arithmetic)
    {
        var panel = Panel(new SessionRatings(9, Round(new RatingTally(5, 2, 1), RatingStanding.NotResident), false, 7), culture);

        var bars = panel.FindAll("[data-testid=rating-bar]");
        Assert.Equal(["Satisfied", "BasicallySatisfied", "Dissatisfied"], bars.Select(b => b.GetAttribute("data-level")));
        Assert.Contains("width: 62.5%", bars[0].InnerHtml);
        Assert.Equal(arithmetic, panel.Find("[data-testid=rating-arithmetic]").TextContent.Trim());
        if (culture == "zh-CN") Assert.Equal("5 人（62.5%）", bars[0].QuerySelector("[data-testid=rating-count]")!.TextContent.Trim());
        Assert.Empty(panel.FindAll("[data-testid=rating-form]"));
    }

    [Fact]
    public void With_no_ratings_the_summary_says_so()
    {
        var panel = Panel(new SessionRatings(9, Round(new RatingTally(0, 0, 0), RatingStanding.NotResident), false, 7));

        Assert.Equal("暂无居民评价。", panel.Find("[data-testid=rating-summary-empty]").TextContent.Trim());
    }

    [Fact]
    public async Task Managers_read_the_comments_without_names_and_close_the_round()
    {
        var comments = new[] { new RatingComment(RatingLevel.Dissatisfied, "<b>施工太吵</b>", Opened) };
        var panel = Panel(new SessionRatings(9, Round(new RatingTally(0, 0, 1), RatingStanding.NotResident, manages: true, comments: comments), false, 7));

        var item = panel.Find("[data-testid=rating-comment-item]");
        Assert.Contains("<b>施工太吵</b>", item.TextContent);
        Assert.Empty(item.QuerySelectorAll("b"));
        await panel.Find("[data-testid=ratings-close]").ClickAsync(new());

        Assert.Equal(["close"], _calls);
    }

    [Fact]
    public void A_resident_does_not_see_the_comments()
    {
        var comments = new[] { new RatingComment(RatingLevel.Dissatisfied, "施工太吵", Opened) };
        var panel = Panel(new SessionRatings(9, Round(new RatingTally(0, 0, 1), comments: comments), false, 7));

        Assert.Empty(panel.FindAll("[data-testid=rating-comments]"));
        Assert.Empty(panel.FindAll("[data-testid=ratings-close]"));
    }

    [Fact]
    public void A_closed_round_shows_its_frozen_result_as_evidence_and_takes_no_more_ratings()
    {
        var closed = Round(new RatingTally(3, 1, 0), manages: true, closedAt: Opened.AddDays(7), inWindow: false);
        var panel = Panel(new SessionRatings(9, closed, false, 7));

        Assert.Contains("结果已固定，完成此步时可选作佐证", panel.Find("[data-testid=ratings-final]").TextContent);
        Assert.Equal(("Closed", "已结束"), (panel.Find("[data-testid=ratings-state]").GetAttribute("data-status"), panel.Find("[data-testid=ratings-state]").TextContent.Trim()));
        Assert.Empty(panel.FindAll("[data-testid=rating-form]"));
        Assert.Empty(panel.FindAll("[data-testid=ratings-close]"));
    }

    [Fact]
    public void A_resident_outside_the_scope_is_told_why_there_is_no_form()
    {
        var panel = Panel(new SessionRatings(9, Round(new RatingTally(1, 0, 0), RatingStanding.OutsideScope), false, 7));

        Assert.Equal("本次评议仅限议题范围内的居民参加。", panel.Find("[data-testid=rating-outside-scope]").TextContent.Trim());
        Assert.Empty(panel.FindAll("[data-testid=rating-form]"));
    }
}
