using Portal.Web.Components.Shared;

namespace Portal.Components.Tests.Shared;

/// <summary>The kit's field: a label, the input, and the server's message for it underneath (FieldError).</summary>
public sealed class FieldTests : PortalComponentTest
{
    [Fact]
    public void A_field_without_an_error_shows_its_label_and_input_only()
    {
        var field = Render<Field>(p => p.Add(f => f.Label, "名称").AddChildContent("<input id=\"name\" />"));

        Assert.Equal("名称", field.Find("label").TextContent);
        Assert.NotNull(field.Find("input#name"));
        Assert.Empty(field.FindAll("[data-testid=field-error]"));
        Assert.DoesNotContain("field-wide", field.Find(".field").ClassList);
    }

    [Fact]
    public void The_error_is_shown_under_the_input_and_announced()
    {
        var field = Render<Field>(p => p
            .Add(f => f.Label, "名称")
            .Add(f => f.Error, "请填写名称。")
            .AddChildContent("<input id=\"name\" />"));

        var error = field.Find("[data-testid=field-error]");
        Assert.Equal("请填写名称。", error.TextContent);
        Assert.Equal("alert", error.GetAttribute("role"));
        // Under the input, inside the same field: the message belongs to what the person typed.
        Assert.Equal("input", error.PreviousElementSibling?.TagName.ToLowerInvariant());
        Assert.Contains("field", error.ParentElement!.ClassList);
    }

    [Fact]
    public void The_error_goes_away_when_the_next_save_has_none()
    {
        var field = Render<Field>(p => p.Add(f => f.Label, "名称").Add(f => f.Error, "请填写名称。"));

        field.Render(p => p.Add(f => f.Error, null));

        Assert.Empty(field.FindAll("[data-testid=field-error]"));
    }

    [Fact]
    public void A_wide_field_spans_the_editors_row()
    {
        var field = Render<Field>(p => p.Add(f => f.Label, "备注").Add(f => f.Wide, true));

        Assert.Contains("field-wide", field.Find(".field").ClassList);
    }

    [Theory]
    [InlineData(null, "field-error")]
    [InlineData("raise-title-error", "raise-title-error")]
    public void A_field_error_on_its_own_can_be_told_apart_on_a_page_with_several(string? testId, string expected)
    {
        var error = Render<FieldError>(p => p.Add(e => e.Message, "请填写标题。").Add(e => e.TestId, testId));

        Assert.Equal("请填写标题。", error.Find($"[data-testid={expected}]").TextContent);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_message_renders_nothing(string? message)
    {
        var error = Render<FieldError>(p => p.Add(e => e.Message, message));

        Assert.Equal("", error.Markup.Trim());
    }
}
