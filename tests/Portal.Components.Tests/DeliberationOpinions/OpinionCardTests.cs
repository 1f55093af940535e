using Portal.Web.Features.Deliberation.Opinions;
using Portal.Web.Kit.Results;

namespace Portal.Components.Tests.DeliberationOpinions;

/// <summary>
/// One opinion on the session page: its text and support button by the caller's state, a hidden one collapsed to its
/// reason (the text only for those who may read it, on request), and the moderator's hide form that needs a reason.
/// </summary>
public sealed class OpinionCardTests : PortalComponentTest
{
    private static OpinionRow Row(bool canSupport = true, bool supportedByMe = false, OpinionHiding? hidden = null, string? html = "<p>建议<strong>避开午休</strong></p>",
        bool canHide = false) =>
        new(31, "居民甲", false, html, new DateTime(2026, 12, 7, 2, 0, 0, DateTimeKind.Utc), "开言路", 2, 3, supportedByMe, canSupport, hidden, canHide, Guid.NewGuid());

    [Fact]
    public void A_visible_opinion_shows_its_text_its_plan_version_and_a_support_button_with_the_count()
    {
        var supported = 0;
        var card = RenderIn<OpinionCard>("zh-CN", p => p.Add(c => c.Opinion, Row()).Add(c => c.OnSupport, () => supported++));

        Assert.Equal("避开午休", card.Find("[data-testid=opinion-body-html] strong").TextContent);
        Assert.Equal("针对方案第2版", card.Find("[data-testid=opinion-plan]").TextContent.Trim());
        Assert.Empty(card.FindAll("[data-testid=opinion-record]"));
        var button = card.Find("[data-testid=opinion-support]");
        Assert.Equal(("支持 3", "false"), (button.TextContent.Trim(), button.GetAttribute("aria-pressed")));
        button.Click();
        Assert.Equal(1, supported);
        Assert.Empty(card.FindAll("[data-testid=opinion-hide]"));
    }

    [Fact]
    public void A_supported_opinion_offers_withdrawal_and_outside_the_window_only_the_count()
    {
        var withdrawn = 0;
        var mine = RenderIn<OpinionCard>("zh-CN", p => p.Add(c => c.Opinion, Row(supportedByMe: true)).Add(c => c.OnWithdraw, () => withdrawn++));
        var button = mine.Find("[data-testid=opinion-withdraw]");
        Assert.Equal(("已支持 3", "true"), (button.TextContent.Trim(), button.GetAttribute("aria-pressed")));
        button.Click();
        Assert.Equal(1, withdrawn);

        var closed = RenderIn<OpinionCard>("zh-CN", p => p.Add(c => c.Opinion, Row(canSupport: false, supportedByMe: true)));
        Assert.Empty(closed.FindAll("button[data-testid^=opinion-]"));
        Assert.Equal("支持 3", closed.Find("[data-testid=opinion-supports]").TextContent.Trim());
    }

    [Fact]
    public void A_hidden_opinion_is_collapsed_to_its_reason_and_expands_only_for_those_who_may_read_it()
    {
        var hiding = new OpinionHiding("含有他人电话号码", DateTime.UtcNow);
        var reader = RenderIn<OpinionCard>("zh-CN", p => p.Add(c => c.Opinion, Row(canSupport: false, hidden: hiding, html: null)));
        Assert.Equal("该意见已被隐藏，原因：含有他人电话号码", reader.Find("[data-testid=opinion-hidden-reason]").TextContent.Trim());
        Assert.Empty(reader.FindAll("[data-testid=opinion-body-html]"));
        Assert.Empty(reader.FindAll("[data-testid=opinion-expand]"));

        var author = RenderIn<OpinionCard>("zh-CN", p => p.Add(c => c.Opinion, Row(canSupport: false, hidden: hiding)));
        Assert.Empty(author.FindAll("[data-testid=opinion-body-html]"));
        author.Find("[data-testid=opinion-expand]").Click();
        Assert.Equal("避开午休", author.Find("[data-testid=opinion-body-html] strong").TextContent);
        Assert.Equal("true", author.Find("[data-testid=opinion-expand]").GetAttribute("aria-expanded"));
    }

    [Fact]
    public void A_moderator_hides_with_a_reason_and_a_refusal_stays_on_the_form()
    {
        var reasons = new List<string?>();
        var refusal = Result.Invalid(OpinionService.ReasonField, Message.Of<Portal.Web.Features.Deliberation.DeliberationText>(Portal.Domain.Deliberation.Opinion.ErrorReason));
        var card = RenderIn<OpinionCard>("zh-CN", p => p.Add(c => c.Opinion, Row(canHide: true)).Add(c => c.ShowRecord, true)
            .Add(c => c.OnHide, reason =>
            {
                reasons.Add(reason);
                return Task.FromResult(string.IsNullOrWhiteSpace(reason) ? refusal : Result.Ok());
            }));
        Assert.Equal("记录号 31", card.Find("[data-testid=opinion-record]").TextContent.Trim());

        card.Find("[data-testid=opinion-hide]").Click();
        card.Find("[data-testid=opinion-hide-form]").Submit();
        Assert.Equal("请填写隐藏原因，最多 500 字。", card.Find("[data-testid=opinion-hide-reason-error]").TextContent.Trim());

        card.Find("textarea[data-testid=opinion-hide-reason]").Input("含有他人电话号码");
        card.Find("[data-testid=opinion-hide-form]").Submit();
        Assert.Equal([null, "含有他人电话号码"], reasons);
        Assert.Empty(card.FindAll("[data-testid=opinion-hide-form]"));
    }
}
