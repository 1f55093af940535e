using Portal.Domain.Deliberation;
using Portal.Web.Features.Deliberation.Opinions;

namespace Portal.Components.Tests.DeliberationOpinions;

/// <summary>The plan's diff reads without colour: every line carries "+", "−" or nothing as text, and its kind's word for screen readers.</summary>
public sealed class PlanDiffViewTests : PortalComponentTest
{
    private static PlanDiff Diff(string older, string newer) => new(1, 2, LineDiff.Between(older, newer));

    [Fact]
    public void Added_and_removed_lines_are_marked_with_plus_and_minus_as_text_and_coloured()
    {
        var view = RenderIn<PlanDiffView>("zh-CN", p => p.Add(v => v.Diff, Diff("施工时间：9:00-18:00\n费用按面积分摊", "施工时间：9:00-12:00\n费用按面积分摊")));

        var lines = view.FindAll("[data-testid=plan-diff-line]");
        Assert.Equal(["Removed", "Added", "Same"], lines.Select(l => l.GetAttribute("data-kind")));
        Assert.Equal(["−", "+", ""], lines.Select(l => l.QuerySelector(".pd-mark")!.TextContent.Trim()));
        Assert.Equal(["删除", "新增", "未改动"], lines.Select(l => l.QuerySelector(".kit-visually-hidden")!.TextContent.Trim()));
        Assert.Equal(["施工时间：9:00-18:00", "施工时间：9:00-12:00", "费用按面积分摊"], lines.Select(l => l.QuerySelector(".pd-text")!.TextContent));
        Assert.Contains("pd-removed", lines[0].ClassName);
        Assert.Contains("pd-added", lines[1].ClassName);
        Assert.Equal("第1版 → 第2版：新增 1 行，删除 1 行", view.Find("[data-testid=plan-diff-summary]").TextContent.Trim());
    }

    [Fact]
    public void Identical_versions_say_so_instead_of_listing_lines()
    {
        var view = RenderIn<PlanDiffView>("en", p => p.Add(v => v.Diff, Diff("a\nb", "a\nb")));

        Assert.Equal("The two versions are the same.", view.Find("[data-testid=plan-diff-same]").TextContent.Trim());
        Assert.Empty(view.FindAll("[data-testid=plan-diff-line]"));
    }

    [Fact]
    public void Text_that_looks_like_markup_is_shown_as_text()
    {
        var view = RenderIn<PlanDiffView>("zh-CN", p => p.Add(v => v.Diff, Diff("", "<script>alert(1)</script>")));

        Assert.Empty(view.FindAll("script"));
        Assert.Equal("<script>alert(1)</script>", view.Find(".pd-text").TextContent);
    }
}
