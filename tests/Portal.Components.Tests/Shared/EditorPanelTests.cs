using Microsoft.AspNetCore.Components;
using Portal.Web.Components.Shared;
using Portal.Web.Features.Localization;
using Portal.Web.Kit.Results;

namespace Portal.Components.Tests.Shared;

/// <summary>The frame of every inline editor: its states after a save, in both languages, and its two callbacks.</summary>
public sealed class EditorPanelTests : PortalComponentTest
{
    private sealed class StreetForm : VersionedForm
    {
        public string? Name { get; set; }
    }

    private IRenderedComponent<EditorPanel> RenderPanel(Action<ComponentParameterCollectionBuilder<EditorPanel>>? more = null) =>
        Render<EditorPanel>(p =>
        {
            p.Add(e => e.Title, "编辑街道").Add(e => e.Model, new StreetForm { Id = 1, Name = "青年湖街道" })
             .AddChildContent("<input id=\"street-name\" />");
            more?.Invoke(p);
        });

    [Theory]
    [InlineData("zh-CN", "保存", "取消")]
    [InlineData("en", "Save", "Cancel")]
    public void A_fresh_editor_shows_its_title_fields_and_buttons_and_no_notice(string culture, string save, string cancel)
    {
        UseCulture(culture);

        var panel = RenderPanel();

        Assert.Equal("编辑街道", panel.Find("h2").TextContent.Trim());
        Assert.NotNull(panel.Find("[data-testid=editor] form input#street-name"));
        Assert.Equal(save, panel.Find("[data-testid=save]").TextContent.Trim());
        Assert.Equal("submit", panel.Find("[data-testid=save]").GetAttribute("type"));
        Assert.False(panel.Find("[data-testid=save]").HasAttribute("disabled"));
        Assert.Equal(cancel, panel.Find("[data-testid=cancel]").TextContent.Trim());
        Assert.Empty(panel.FindAll("[data-testid=form-error]"));
        Assert.Empty(panel.FindAll("[data-testid=conflict]"));
    }

    [Fact]
    public void A_result_shows_its_form_message_above_the_fields_and_leaves_field_problems_to_the_fields()
    {
        var result = Result.Invalid([
            new Problem(Problem.Form, Message.Of<SharedText>("Common.ConcurrencyConflict")),
            new Problem(nameof(StreetForm.Name), Message.Of<SharedText>("Common.DeletedMeanwhile")),
        ]);

        var panel = RenderPanel(p => p.Add(e => e.Result, result));

        Assert.StartsWith("保存失败：此记录已被其他人修改。", panel.Find("[data-testid=form-error]").TextContent.Trim());
        Assert.DoesNotContain("已被其他人删除", panel.Markup);
        Assert.Empty(panel.FindAll("[data-testid=conflict]"));
    }

    [Theory]
    [InlineData("zh-CN", "保存失败：此记录已被其他人修改。", "当前保存的内容：")]
    [InlineData("en", "Not saved: someone else changed this record meanwhile.", "Currently saved:")]
    public void A_conflict_result_shows_the_saved_values_beside_the_input(string culture, string notice, string current)
    {
        UseCulture(culture);
        var result = Result<StreetForm>.Conflict(Message.Of<SharedText>("Common.ConcurrencyConflict"), new StreetForm { Id = 1, Name = "青年湖街道（新）" });

        var panel = RenderPanel(p => p.Add(e => e.Result, result)
            .Add(e => e.Current, (RenderFragment)(b => b.AddMarkupContent(0, "<span>青年湖街道（新）</span>"))));

        var conflict = panel.Find("[data-testid=conflict]");
        Assert.Contains(notice, conflict.TextContent);
        Assert.Contains(current, conflict.TextContent);
        Assert.Contains("青年湖街道（新）", conflict.TextContent);
        Assert.NotNull(panel.Find("form input#street-name"));
    }

    [Theory]
    [InlineData("zh-CN", "保存失败：此记录已被其他人删除。您填写的内容仍保留在表单中。")]
    [InlineData("en", "Not saved: someone else deleted this record. Your input is still in the form.")]
    public void A_conflict_result_without_saved_values_says_the_row_was_deleted(string culture, string notice)
    {
        UseCulture(culture);
        var result = Result<StreetForm>.Conflict(Message.Of<SharedText>("Common.DeletedMeanwhile"), null);

        var panel = RenderPanel(p => p.Add(e => e.Result, result));

        Assert.Equal(notice, panel.Find("[data-testid=conflict]").TextContent.Trim());
    }

    [Fact]
    public void Submitting_saves_and_cancel_closes()
    {
        var saved = 0;
        var cancelled = 0;
        var panel = RenderPanel(p => p.Add(e => e.OnSave, () => saved++).Add(e => e.OnCancel, () => cancelled++));

        panel.Find("form").Submit();
        Assert.Equal((1, 0), (saved, cancelled));

        panel.Find("[data-testid=cancel]").Click();
        Assert.Equal((1, 1), (saved, cancelled));
    }

    [Fact]
    public void While_saving_the_save_button_cannot_be_pressed_again()
    {
        var panel = RenderPanel(p => p.Add(e => e.Saving, true));

        Assert.True(panel.Find("[data-testid=save]").HasAttribute("disabled"));
    }
}
