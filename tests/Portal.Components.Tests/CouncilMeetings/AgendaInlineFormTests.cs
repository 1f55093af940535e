using Portal.Web.Features.Councils.Meetings;

namespace Portal.Components.Tests.CouncilMeetings;

/// <summary>The frame of the agenda's inline forms (edit an item, record its outcome): buttons, error, busy state, callbacks.</summary>
public sealed class AgendaInlineFormTests : PortalComponentTest
{
    [Theory]
    [InlineData("zh-CN", "保存", "取消")]
    [InlineData("en", "Save", "Cancel")]
    public void It_frames_the_fields_with_save_and_cancel_named_by_the_prefix(string culture, string save, string cancel)
    {
        var form = RenderIn<AgendaInlineForm>(culture, p => p.Add(f => f.TestIdPrefix, "record").AddChildContent("<input id=\"outcome\" />"));

        Assert.NotNull(form.Find("[data-testid=record-form] input#outcome"));
        Assert.Equal(save, form.Find("[data-testid=record-save]").TextContent.Trim());
        Assert.Equal(cancel, form.Find("[data-testid=record-cancel]").TextContent.Trim());
        Assert.Empty(form.FindAll("[data-testid=record-error]"));
    }

    [Fact]
    public void A_refusal_is_shown_under_the_fields_and_saving_cannot_be_pressed_twice()
    {
        var form = Render<AgendaInlineForm>(p => p.Add(f => f.TestIdPrefix, "item-edit")
            .Add(f => f.Error, "该议题已被他人修改，已为您载入最新内容。").Add(f => f.Busy, true));

        Assert.Contains("该议题已被他人修改，已为您载入最新内容。", form.Find("[data-testid=item-edit-error]").TextContent);
        Assert.Equal("alert", form.Find("[data-testid=item-edit-error]").GetAttribute("role"));
        Assert.True(form.Find("[data-testid=item-edit-save]").HasAttribute("disabled"));
        Assert.False(form.Find("[data-testid=item-edit-cancel]").HasAttribute("disabled"));
    }

    [Fact]
    public void Save_and_cancel_call_back()
    {
        var (saved, cancelled) = (0, 0);
        var form = Render<AgendaInlineForm>(p => p.Add(f => f.TestIdPrefix, "record")
            .Add(f => f.OnSave, () => saved++).Add(f => f.OnCancel, () => cancelled++));

        form.Find("[data-testid=record-save]").Click();
        form.Find("[data-testid=record-cancel]").Click();

        Assert.Equal((1, 1), (saved, cancelled));
    }
}
