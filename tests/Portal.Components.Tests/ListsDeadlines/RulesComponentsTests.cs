using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.WorkItems;
using Portal.Web.Features.Lists.Deadlines;

namespace Portal.Components.Tests.ListsDeadlines;

/// <summary>The deadline rules as read (summary, history) and as edited (MudNumericFields, errors, preview, buttons).</summary>
public sealed class RulesComponentsTests : PortalComponentTest
{
    [Theory]
    [InlineData("zh-CN", "2 小时", "默认标准")]
    [InlineData("en", "2 hours", "Default standard")]
    public void The_summary_and_history_read_in_hours_and_days_in_the_readers_language(string culture, string emergency, string standard)
    {
        var summary = RenderIn<RulesSummary>(culture, p => p.Add(x => x.Rules, DeadlineRules.Default));
        var history = Render<RulesHistory>(p => p.Add(x => x.History, [new DeadlineRuleVersion(null, 0, DeadlineRules.Default, null, null)]));

        Assert.Equal(emergency, summary.Find("[data-testid=rule-emergency]").TextContent);
        Assert.Equal(standard, history.Find("[data-testid=rules-history-row][data-version='0'] td").TextContent);
    }

    [Fact]
    public void The_editor_shows_each_value_with_its_unit_and_a_preview_row_per_urgency()
    {
        var form = DeadlineRuleForm.From(new DeadlineRuleVersion(null, 0, DeadlineRules.Default, null, null));

        var editor = Render<RulesEditor>(p => p.Add(x => x.Form, form));

        // MudNumericField puts the test id on its input.
        Assert.Equal(form.EmergencyHours.ToString(), editor.Find("input[data-testid=input-emergency]").GetAttribute("value"));
        // Each field names its unit beside the value.
        Assert.Contains("小时", editor.Find(".rules-fields").TextContent);
        Assert.Contains("天", editor.Find(".rules-fields").TextContent);
        Assert.Equal(4, editor.FindAll("[data-testid=preview-row]").Count);
        Assert.Empty(editor.FindAll("[data-testid=rules-error]"));
        Assert.Equal("保存为新版本", editor.Find("[data-testid=rules-save]").TextContent.Trim());
    }

    [Fact]
    public void Errors_are_shown_above_the_fields_and_the_buttons_wait_while_busy()
    {
        var saved = 0;
        var editor = Render<RulesEditor>(p => p.Add(x => x.Form, new DeadlineRuleForm { EmergencyHours = 0, UtilitiesHours = 1, GeneralDays = 1, ComplexDays = 1, DueSoonPercent = 20, EscalationGraceHours = 1 })
            .Add(x => x.Errors, ["时限必须大于零。"]).Add(x => x.Busy, true).Add(x => x.OnSave, () => saved++));

        Assert.Equal("时限必须大于零。", editor.Find("[data-testid=rules-error]").TextContent.Trim());
        Assert.True(editor.Find("[data-testid=rules-save]").HasAttribute("disabled"));
        Assert.True(editor.Find("[data-testid=rules-cancel]").HasAttribute("disabled"));
        Assert.Equal(0, saved);
    }

    [Fact]
    public void Save_and_cancel_call_back()
    {
        var (saved, cancelled) = (0, 0);
        var editor = Render<RulesEditor>(p => p.Add(x => x.Form, DeadlineRuleForm.From(new DeadlineRuleVersion(null, 0, DeadlineRules.Default, null, null)))
            .Add(x => x.OnSave, () => saved++).Add(x => x.OnCancel, () => cancelled++));

        editor.Find("[data-testid=rules-save]").Click();
        editor.Find("[data-testid=rules-cancel]").Click();

        Assert.Equal((1, 1), (saved, cancelled));
    }
}
