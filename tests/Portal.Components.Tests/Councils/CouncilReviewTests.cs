using Portal.Domain.WorkItems;
using Portal.Web.Features.Councils.Review;

namespace Portal.Components.Tests.Councils;

/// <summary>The annual review's presentational pieces: the score table and chart, the rules editor, rating a project, carrying tasks over.</summary>
public sealed class CouncilReviewTests : PortalComponentTest
{
    private static UnitScoreRow Score(int id, string unit, decimal total, int rank, int expected = 4) =>
        new(id, unit, expected, 3, [1, 2, 0, 1], 2, 30m, 20m, total - 50m, total, rank);

    [Fact]
    public void The_score_table_lists_units_by_rank_with_their_figures_and_labels_each_for_a_phone()
    {
        var table = Render<ScoreTable>(p => p.Add(t => t.Scores, [Score(1, "第一中学", 92.5m, 1), Score(2, "区医院", 80m, 2, expected: 0)]));

        var rows = table.FindAll("[data-testid=score-row]");
        Assert.Equal("1", rows[0].GetAttribute("data-unit-id"));
        Assert.Equal("第一中学", rows[0].QuerySelector("[data-testid=score-unit]")!.TextContent);
        Assert.Equal("92.5", rows[0].QuerySelector("[data-testid=score-total]")!.TextContent);
        Assert.Contains("75%", rows[0].TextContent);
        Assert.Equal("总分", rows[0].QuerySelector("[data-testid=score-total]")!.GetAttribute("data-label"));
        Assert.Equal("2", rows[1].QuerySelector("[data-testid=score-rank]")!.TextContent);
    }

    [Fact]
    public void The_chart_draws_one_bar_per_unit()
    {
        var chart = Render<ScoreChart>(p => p.Add(c => c.Scores, [Score(1, "第一中学", 92.5m, 1), Score(2, "区医院", 80m, 2)]));

        Assert.NotNull(chart.Find("[data-testid=score-chart] svg"));
        Assert.Contains("第一中学", chart.Markup);
        Assert.Contains("区医院", chart.Markup);
        Assert.Equal("总分", chart.Find("[data-testid=score-chart]").GetAttribute("aria-label"));
    }

    [Fact]
    public void The_rules_editor_shows_each_error_under_its_figure_and_calls_back_on_save_and_cancel()
    {
        int saved = 0, cancelled = 0;
        var form = new ScoringRulesForm { AttendanceMaxPoints = 80, ActivityCapPerQuarter = 1 };
        var editor = Render<ScoringRulesEditor>(p => p.Add(e => e.Form, form)
            .Add(e => e.Errors, new Dictionary<string, string> { [nameof(ScoringRulesForm.ActivityCapPerQuarter)] = "上限不能低于单项分值。" })
            .Add(e => e.OnSave, () => saved++).Add(e => e.OnCancel, () => cancelled++));

        Assert.Equal("上限不能低于单项分值。", editor.Find("[data-testid=rules-activity-cap-error]").TextContent);
        Assert.Empty(editor.FindAll("[data-testid=rules-attendance-error]"));
        Assert.Equal("80", editor.Find("[data-testid=rules-attendance]").GetAttribute("value"));
        Assert.Equal("保存规则", editor.Find("[data-testid=rules-save]").TextContent.Trim());
        editor.Find("[data-testid=rules-save]").Click();
        editor.Find("[data-testid=rules-cancel]").Click();
        Assert.Equal((1, 1), (saved, cancelled));
    }

    [Fact]
    public void Rating_a_project_sends_the_choice_and_note_and_keeps_them_when_refused()
    {
        ProjectRating? sent = null;
        var accept = false;
        var form = Render<ProjectRateForm>(p => p.Add(f => f.ProjectId, 42)
            .Add(f => f.OnRate, r => { sent = r; return Task.FromResult(accept); }));

        form.Find("[data-testid=project-rate-note]").Input("居民反映良好");
        form.FindAll("[data-testid=project-rate-choice] input[type=radio]")[0].Click();
        form.Find("[data-testid=project-rate]").Click();

        Assert.Equal(new ProjectRating(42, Satisfaction.Satisfied, "居民反映良好"), sent);
        Assert.Equal("居民反映良好", form.Find("[data-testid=project-rate-note]").GetAttribute("value"));

        accept = true;
        form.Find("[data-testid=project-rate]").Click();
        Assert.True(string.IsNullOrEmpty(form.Find("[data-testid=project-rate-note]").GetAttribute("value")));
    }

    [Fact]
    public void A_refused_rating_shows_its_reason()
    {
        var form = Render<ProjectRateForm>(p => p.Add(f => f.ProjectId, 42).Add(f => f.OnRate, _ => Task.FromResult(false))
            .Add(f => f.Errors, new Dictionary<string, string> { [ReviewFields.Rating] = "请选择评价结果。" }));

        Assert.Equal("请选择评价结果。", form.Find("[data-testid=project-rate-rating-error]").TextContent);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Carrying_over_asks_managers_for_a_reason_per_task_and_shows_readers_the_list_only(bool canManage)
    {
        var reasons = new Dictionary<int, string?>();
        var carried = 0;
        var panel = Render<CarryOverPanel>(p => p.Add(c => c.Year, 2026).Add(c => c.CanManage, canManage)
            .Add(c => c.Unfinished, [new CarryCandidateRow(5, "助餐点选址", WorkItemStatus.InProgress, "区民政局", null, CarriedIn: true)])
            .Add(c => c.Carried, [])
            .Add(c => c.Reasons, reasons)
            .Add(c => c.Errors, new Dictionary<string, string> { [ReviewFields.Reason(5)] = "请填写结转原因（不超过 500 字）。" })
            .Add(c => c.OnCarry, () => carried++));

        Assert.Contains("2025", panel.Find("[data-testid=carry-task]").TextContent);
        Assert.NotNull(panel.Find("[data-testid=carried-none]"));
        if (!canManage)
        {
            Assert.Empty(panel.FindAll("[data-testid=carry-reason]"));
            Assert.Empty(panel.FindAll("[data-testid=carry-submit]"));
            return;
        }
        Assert.Equal("请填写结转原因（不超过 500 字）。", panel.Find("[data-testid=carry-reason-error]").TextContent);
        panel.Find("[data-testid=carry-reason]").Input("施工单位冬季停工");
        Assert.Equal("施工单位冬季停工", reasons[5]);
        Assert.Equal("结转至 2027 年", panel.Find("[data-testid=carry-submit]").TextContent.Trim());
        panel.Find("[data-testid=carry-submit]").Click();
        Assert.Equal(1, carried);
    }
}
