using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Web.Features.Deliberation;
using Portal.Web.Features.Deliberation.Sessions;
using Portal.Web.Features.Deliberation.Sessions.Pages;
using Portal.Web.Features.Localization;

namespace Portal.Components.Tests.DeliberationSessions;

/// <summary>The session page's timeline: done (when, by whom, evidence), current (due, overdue, the complete button), next, later.</summary>
public sealed class SessionTimelineViewTests : PortalComponentTest
{
    private static readonly DateTime Started = new(2026, 11, 2, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime DoneAt = new(2026, 11, 3, 2, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime Due = new(2026, 11, 10, 1, 0, 0, DateTimeKind.Utc);

    /// <summary>The first step's evidence in words, as the service names it: a vote with its verdict and the step's opinions counted.</summary>
    private static readonly TimelineEvidence[] Named =
    [
        new(EvidenceKind.Vote, DeliberationText.Of("Evidence.Named", DeliberationText.Of("Evidence.Vote"),
            DeliberationText.Of("Choice.VoteDecided", "加装电梯表决", 5, DeliberationText.Of("Choice.Outcome.Passed")))),
        new(EvidenceKind.Opinions, DeliberationText.Of("Evidence.OpinionCount", 3)),
    ];

    private static SessionTimeline Timeline(bool canComplete, bool overdue = false) => new(7, 1, 3, "3号楼加装电梯", new MatterScope(MatterScopeKind.Building, 5),
        "杭州七步法", 2, Started, null,
        [
            new TimelineStep(0, "提议题", PortalRole.CommunitySecretary, [EvidenceKind.Vote, EvidenceKind.Opinions], null, TimelineState.Done,
                new TimelineDone(DoneAt, "社区书记", [new EvidenceRef(EvidenceKind.Vote, 5), new EvidenceRef(EvidenceKind.Opinions, 31),
                    new EvidenceRef(EvidenceKind.Opinions, 32), new EvidenceRef(EvidenceKind.Opinions, 33)], Named), null, false),
            new TimelineStep(1, "出主意", PortalRole.CommunitySecretary, [EvidenceKind.Opinions], 7, TimelineState.Current, null, Due, overdue),
            new TimelineStep(2, "拟方案", PortalRole.CommunitySecretary, [EvidenceKind.PlanDocument], null, TimelineState.Next, null, null, false),
            new TimelineStep(3, "开言路", PortalRole.GridWorker, [EvidenceKind.Opinions, EvidenceKind.SignInSheet], 7, TimelineState.Later, null, null, false),
        ], canComplete, canComplete, Guid.NewGuid());

    [Fact]
    public void Each_step_shows_its_state_in_words_and_a_done_step_when_by_whom_and_on_which_evidence()
    {
        var view = Render<SessionTimelineView>(p => p.Add(v => v.Timeline, Timeline(canComplete: false)));

        var steps = view.FindAll("[data-testid=timeline-step]");
        Assert.Equal(["Done", "Current", "Next", "Later"], steps.Select(s => s.GetAttribute("data-state")));
        Assert.Equal(["已完成", "进行中", "下一步", "待进行"], view.FindAll("[data-testid=step-state]").Select(s => s.TextContent.Trim()));
        Assert.Equal($"{PortalTime.Short(DoneAt)}由社区书记完成", view.Find("[data-testid=step-done]").TextContent.Trim());
        Assert.Equal(["表决：加装电梯表决（第 5 号表决）· 通过", "意见 3 条"], view.FindAll("[data-testid=step-evidence]").Select(e => e.TextContent.Trim()));
        Assert.Equal($"截止{PortalTime.Short(Due)}", view.Find("[data-testid=step-due]").TextContent.Trim());
        Assert.Contains("由网格员完成", steps[3].TextContent);
        Assert.Equal(["意见汇总", "签到表"], steps[3].QuerySelectorAll("[data-testid=step-needs]").Select(e => e.TextContent.Trim()));
        Assert.Contains("时限7天", steps[3].TextContent);
        Assert.Empty(view.FindAll("[data-testid=step-overdue]"));
    }

    [Fact]
    public void A_done_steps_evidence_is_put_in_words_in_the_readers_language()
    {
        var view = RenderIn<SessionTimelineView>("en", p => p.Add(v => v.Timeline, Timeline(canComplete: false)));

        var evidence = view.FindAll("[data-testid=step-evidence]");
        Assert.Equal(["Vote: 加装电梯表决 (vote no. 5) · passed", "Opinions: 3"], evidence.Select(e => e.TextContent.Trim()));
        Assert.Equal(["Vote", "Opinions"], evidence.Select(e => e.GetAttribute("data-kind")));
    }

    [Fact]
    public void Only_who_holds_the_current_steps_role_gets_the_button_and_it_asks_for_that_step()
    {
        TimelineStep? asked = null;
        var view = Render<SessionTimelineView>(p => p.Add(v => v.Timeline, Timeline(canComplete: true)).Add(v => v.OnComplete, s => asked = s));

        var button = view.Find("[data-testid=complete-step]");
        Assert.Equal("完成此步", button.TextContent.Trim());
        button.Click();
        Assert.Equal(1, asked?.Index);

        var reader = Render<SessionTimelineView>(p => p.Add(v => v.Timeline, Timeline(canComplete: false)));
        Assert.Empty(reader.FindAll("[data-testid=complete-step]"));
    }

    [Theory]
    [InlineData("zh-CN", "已逾期")]
    [InlineData("en", "Overdue")]
    public void A_current_step_past_its_limit_is_marked_overdue_in_red_with_a_word(string culture, string word)
    {
        var view = RenderIn<SessionTimelineView>(culture, p => p.Add(v => v.Timeline, Timeline(canComplete: false, overdue: true)));

        var mark = view.Find("[data-testid=step-overdue]");
        Assert.Equal(word, mark.TextContent.Trim());
        Assert.Contains("mud-chip-color-error", mark.ClassName);
        Assert.Contains("mud-chip-color-error", view.FindAll("[data-testid=step-state]")[1].ClassName);
    }
}
