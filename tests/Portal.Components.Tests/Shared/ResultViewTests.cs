using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Components.Shared;
using Portal.Web.Features.Announcements;
using Portal.Web.Kit.Results;

namespace Portal.Components.Tests.Shared;

/// <summary>
/// The one view of a command's outcome: every outcome in both languages, the messages coming as keys from the service
/// and becoming text only here, field problems left to the fields, and a conflict with the values saved now.
/// </summary>
public sealed class ResultViewTests : PortalComponentTest
{
    private sealed class StreetForm
    {
        public string Name { get; init; } = "";
    }

    private static Message Text(string key, params object[] args) => Message.Of<AnnouncementsText>(key, args);

    private IRenderedComponent<ResultView> RenderView(Result? result, Action<ComponentParameterCollectionBuilder<ResultView>>? more = null) =>
        Render<ResultView>(p =>
        {
            p.Add(v => v.Result, result);
            more?.Invoke(p);
        });

    [Fact]
    public void Nothing_is_shown_before_a_command_or_after_it_succeeded()
    {
        Assert.Equal("", RenderView(null).Markup.Trim());
        Assert.Equal("", RenderView(Result.Ok(7)).Markup.Trim());
    }

    [Theory]
    [InlineData("zh-CN", "您无权管理该社区的公告。")]
    [InlineData("en", "You may not manage this community's announcements.")]
    public void Not_allowed_shows_the_services_reason_in_the_readers_language(string culture, string expected)
    {
        UseCulture(culture);

        var view = RenderView(Result.NotAllowed(Text("Error.Forbidden")));

        Assert.Equal(expected, view.Find("[data-testid=result-error]").TextContent.Trim());
        Assert.Empty(view.FindAll("[data-testid=result-conflict]"));
    }

    [Theory]
    [InlineData("zh-CN", "公告不存在，或您无权查看。")]
    [InlineData("en", "The announcement does not exist, or you may not see it.")]
    public void Not_found_shows_the_services_reason(string culture, string expected)
    {
        UseCulture(culture);

        Assert.Equal(expected, RenderView(Result.NotFound(Text("Error.NotFound"))).Find("[data-testid=result-error]").TextContent.Trim());
    }

    [Theory]
    [InlineData("zh-CN", "您无权进行此操作。", "找不到这条记录，或您无权查看。")]
    [InlineData("en", "You may not do this.", "It does not exist, or you may not see it.")]
    public void Without_a_reason_the_kit_says_it_in_general_words(string culture, string notAllowed, string notFound)
    {
        UseCulture(culture);
        var none = Array.Empty<Problem>();

        Assert.Equal(notAllowed, RenderView(new Result(Outcome.NotAllowed, 0, none)).Find("[data-testid=result-error]").TextContent.Trim());
        Assert.Equal(notFound, RenderView(new Result(Outcome.NotFound, 0, none)).Find("[data-testid=result-error]").TextContent.Trim());
    }

    [Theory]
    [InlineData("zh-CN", "请填写标题。", "标题不能超过 200 个字。")]
    [InlineData("en", "Please enter a title.", "The title may have at most 200 characters.")]
    public void Field_problems_are_left_to_their_fields_and_read_in_the_readers_language(string culture, string required, string tooLong)
    {
        UseCulture(culture);
        var result = Result.Invalid([new Problem("Title", Text("Validation.TitleRequired")), new Problem("Body", Text("Validation.TitleTooLong", 200))]);
        var texts = Services.GetRequiredService<ResultText>();

        var view = RenderView(result, p => p.Add(v => v.InvalidSummary, "请修改标出的内容。"));
        var field = Render<FieldError>(p => p.Add(e => e.Message, texts.Of(result, "Title")));

        Assert.Equal("请修改标出的内容。", view.Find("[data-testid=result-error]").TextContent.Trim());
        Assert.DoesNotContain(required, view.Markup);
        Assert.Equal(required, field.Find("[data-testid=field-error]").TextContent.Trim());
        Assert.Equal(tooLong, texts.ByField(result)["Body"]);
        Assert.Null(texts.Of(result, "Community"));
    }

    [Fact]
    public void An_invalid_state_of_the_whole_thing_shows_its_reason_and_field_only_problems_without_a_summary_show_nothing()
    {
        Assert.Equal("这条公告已经发布。",
            RenderView(Result.Invalid(Text("Error.AlreadyPublished"))).Find("[data-testid=result-error]").TextContent.Trim());
        Assert.Equal("", RenderView(Result.Invalid("Title", Text("Validation.TitleRequired"))).Markup.Trim());
    }

    [Theory]
    [InlineData("zh-CN", "当前保存的内容：")]
    [InlineData("en", "Currently saved:")]
    public void A_conflict_keeps_the_reason_and_shows_the_values_saved_now_as_the_page_lays_them_out(string culture, string heading)
    {
        UseCulture(culture);
        var result = Result<StreetForm>.Conflict(Text("Error.Conflict"), new StreetForm { Name = "青年湖街道（新）" });

        var view = RenderView(result, p => p.Add(v => v.Current, (RenderFragment)(b => b.AddContent(0, result.Current!.Name))));

        var conflict = view.Find("[data-testid=result-conflict]");
        Assert.Contains(culture == "en" ? "someone else changed this announcement" : "其他人修改了这条公告", conflict.TextContent);
        Assert.Equal(heading, view.Find("[data-testid=result-current] strong").TextContent.Trim());
        Assert.Contains("青年湖街道（新）", view.Find("[data-testid=result-current]").TextContent);
        Assert.Empty(view.FindAll("[data-testid=result-error]"));
    }

    [Theory]
    [InlineData("zh-CN", "保存失败：此记录已被其他人删除。")]
    [InlineData("en", "Not saved: someone else deleted this record.")]
    public void A_conflict_without_current_values_says_it_was_deleted_meanwhile(string culture, string expected)
    {
        UseCulture(culture);

        var view = RenderView(Result<StreetForm>.Conflict(Text("Error.Conflict"), null) with { Problems = [] });

        Assert.StartsWith(expected, view.Find("[data-testid=result-conflict]").TextContent.Trim());
        Assert.Empty(view.FindAll("[data-testid=result-current]"));
    }

    [Fact]
    public void A_page_can_name_its_notices_and_the_heading_over_the_saved_values()
    {
        var result = Result<StreetForm>.Conflict(Text("Error.Conflict"), new StreetForm { Name = "x" });

        var view = RenderView(result, p => p
            .Add(v => v.ConflictTestId, "editor-theirs")
            .Add(v => v.CurrentHeading, "对方保存的版本")
            .Add(v => v.Current, (RenderFragment)(b => b.AddContent(0, "x"))));

        Assert.Equal("对方保存的版本", view.Find("[data-testid=editor-theirs] [data-testid=result-current] strong").TextContent.Trim());
    }

    [Theory]
    [InlineData("zh-CN", "您无权管理该社区的公告。")]
    [InlineData("en", "You may not manage this community's announcements.")]
    public void The_editor_panel_shows_a_result_where_it_showed_the_forms_error(string culture, string expected)
    {
        UseCulture(culture);

        var panel = Render<EditorPanel>(p => p
            .Add(e => e.Title, "编辑公告").Add(e => e.Model, new StreetForm())
            .Add(e => e.Result, Result.NotAllowed(Text("Error.Forbidden"))));

        Assert.Equal(expected, panel.Find("[data-testid=editor] [data-testid=form-error]").TextContent.Trim());
        Assert.Empty(panel.FindAll("[data-testid=conflict]"));
    }

    [Fact]
    public void The_editor_panel_shows_a_conflict_with_the_values_saved_now_above_the_users_input()
    {
        var result = Result<StreetForm>.Conflict(Text("Error.Conflict"), new StreetForm { Name = "对方的名称" });

        var panel = Render<EditorPanel>(p => p
            .Add(e => e.Title, "编辑公告").Add(e => e.Model, new StreetForm())
            .Add(e => e.Result, result)
            .Add(e => e.Current, (RenderFragment)(b => b.AddContent(0, result.Current!.Name)))
            .AddChildContent("<input id=\"name\" value=\"我的名称\" />"));

        var conflict = panel.Find("[data-testid=editor] [data-testid=conflict]");
        Assert.Contains("其他人修改了这条公告", conflict.TextContent);
        Assert.Contains("对方的名称", conflict.TextContent);
        Assert.Equal("我的名称", panel.Find("input#name").GetAttribute("value"));
    }
}
