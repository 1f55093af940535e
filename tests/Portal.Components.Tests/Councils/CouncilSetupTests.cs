using Portal.Domain.Councils;
using Portal.Web.Components.Shared;
using Portal.Web.Features.Councils;
using Portal.Web.Features.Councils.Setup;
using Portal.Web.Features.Localization;
using Portal.Web.Kit.Results;

namespace Portal.Components.Tests.Councils;

/// <summary>The council settings form: which fields a new or an existing council shows, errors beside their fields, the preview, a conflict.</summary>
public sealed class CouncilSetupTests : PortalComponentTest
{
    private static readonly CouncilScopes Scopes = new([new Option(1, "青年湖社区")], [new Option(9, "安定门街道")]);
    private static readonly SeatUnitOption[] Units = [new(3, "第一中学", 30, 31), new(4, "区医院", null, null)];

    private IRenderedComponent<CouncilSettingsEditor> RenderEditor(CouncilForm form, IReadOnlyList<Problem>? problems = null, CouncilForm? conflict = null) =>
        Render<CouncilSettingsEditor>(p => p.Add(e => e.Form, form).Add(e => e.Scopes, Scopes).Add(e => e.Units, Units)
            .Add(e => e.Result, conflict is not null ? Result<CouncilForm>.Conflict(Message.Of<SharedText>("Common.ConcurrencyConflict"), conflict)
                : problems is not null ? Result<CouncilForm>.Invalid(problems) : null));

    [Fact]
    public void A_new_council_asks_for_its_scope_and_previews_the_calendar_as_entered()
    {
        var editor = RenderEditor(new CouncilForm { CommunityId = 1, StartTime = "15:00" });

        Assert.NotEmpty(editor.FindAll("[data-testid=settings-level]"));
        Assert.NotEmpty(editor.FindAll("[data-testid=settings-community]"));
        Assert.Empty(editor.FindAll("[data-testid=settings-street]"));
        // Monthly: no first month to pick; a fixed chair: no lead unit.
        Assert.Empty(editor.FindAll("[data-testid=settings-first-month]"));
        Assert.Empty(editor.FindAll("[data-testid=settings-lead-unit]"));
        var preview = editor.Find("[data-testid=settings-preview]").TextContent;
        Assert.Contains("按此设置：", preview);
        Assert.Contains("每月第2个星期二 15:00召开，时长120分钟。", preview);
        Assert.DoesNotContain("修改日程只影响", preview);
    }

    [Fact]
    public void An_existing_rotating_council_shows_the_lead_unit_and_rotation_start_and_says_what_a_calendar_change_affects()
    {
        var editor = RenderEditor(new CouncilForm
        {
            Id = 5, Name = "青年湖社区共建联席会", Frequency = MeetingFrequency.Quarterly, Arrangement = ChairArrangement.LeadUnitWithRotatingChair,
            LeadUnitId = 3, RotationStartYear = 2026,
        });

        Assert.Empty(editor.FindAll("[data-testid=settings-level]"));
        Assert.NotEmpty(editor.FindAll("[data-testid=settings-first-month]"));
        Assert.Contains("第一中学", editor.Find("[data-testid=settings-lead-unit]").GetAttribute("value") ?? editor.Find("[data-testid=settings-lead-unit]").OuterHtml);
        Assert.Equal("2026", editor.Find("[data-testid=settings-rotation-start]").GetAttribute("value"));
        Assert.Contains("修改日程只影响之后生成的例会", editor.Find("[data-testid=settings-preview]").TextContent);
    }

    [Fact]
    public void Errors_are_shown_beside_their_fields_the_input_stays_and_an_unreadable_time_has_no_preview()
    {
        var editor = RenderEditor(new CouncilForm { CommunityId = 1, StartTime = "25:70", DefaultLocation = "青年湖社区党群服务中心" },
            [
                new Problem(nameof(CouncilForm.Name), Message.Of<CouncilsText>(Council.ErrorNameRequired)),
                new Problem(nameof(CouncilForm.StartTime), Message.Of<CouncilsText>("Setup.Error.StartTime")),
            ]);

        Assert.Contains("请填写名称（不超过 100 字）。", editor.Markup);
        Assert.Contains("请按“14:30”的格式填写开始时间。", editor.Markup);
        // The time picker holds times only: what is not one shows as no time, with the service's message under it.
        Assert.Equal("", editor.Find("[data-testid=settings-start-time]").GetAttribute("value") ?? "");
        Assert.Equal("true", editor.Find("[data-testid=settings-start-time]").GetAttribute("aria-invalid"));
        Assert.Equal("青年湖社区党群服务中心", editor.Find("[data-testid=settings-location]").GetAttribute("value"));
        Assert.Empty(editor.FindAll("[data-testid=settings-preview]"));
    }

    [Fact]
    public void After_a_conflict_the_saved_settings_are_shown_beside_the_input()
    {
        var editor = RenderEditor(new CouncilForm { Id = 5, Name = "我的改动" },
            conflict: new CouncilForm { Id = 5, Name = "别人的改动", StartTime = "09:00", DefaultLocation = "会议室" });

        var current = editor.Find("[data-testid=conflict] [data-testid=current-values]").TextContent;
        Assert.Contains("别人的改动", current);
        Assert.Contains("09:00", current);
        Assert.Equal("我的改动", editor.Find("[data-testid=settings-name]").GetAttribute("value"));
    }

    [Fact]
    public void In_english_the_preview_is_english()
    {
        UseCulture("en");

        var editor = RenderEditor(new CouncilForm { CommunityId = 1 });

        Assert.DoesNotMatch("[\u4e00-\u9fff]", editor.Find("[data-testid=settings-preview]").TextContent.Replace("青年湖社区", ""));
    }
}
