using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Web.Features.Deliberation;
using Portal.Web.Features.Deliberation.Sessions;
using Portal.Web.Features.Deliberation.Sessions.Pages;
using Portal.Web.Kit.Results;

namespace Portal.Components.Tests.DeliberationSessions;

/// <summary>
/// The complete-step dialog offers the session's records per kind the step needs, in words: the final ones to choose
/// (opinions several, all ticked at first; the single final record of another kind chosen at first), the others disabled
/// with why, a kind with none saying what to do first; it refuses to send with a kind left empty.
/// </summary>
public sealed class CompleteStepDialogTests : PortalComponentTest
{
    private static readonly TimelineStep Step = new(4, "定公约", PortalRole.CommunitySecretary,
        [EvidenceKind.Opinions, EvidenceKind.SignInSheet, EvidenceKind.PlanDocument, EvidenceKind.Vote], null, TimelineState.Current, null, null, false);

    private static readonly SessionTimeline Timeline = new(7, 1, 3, "停车收费", new MatterScope(MatterScopeKind.Community, 1), "杭州七步法", 1,
        DateTime.UtcNow, null, [Step], true, true, Guid.NewGuid());

    private static Message Text(string key, params object[] args) => DeliberationText.Of(key, args);

    private static readonly DateTime At = new(2026, 12, 7, 10, 30, 0, DateTimeKind.Local);

    /// <summary>Two opinions, a closed and an open meeting, two plan versions (the first outdated), no vote linked yet.</summary>
    private static readonly IReadOnlyList<EvidenceChoices> Choices =
    [
        new(EvidenceKind.Opinions, [new(31, Text("Choice.Opinion", "王阿姨", At, "车位按楼栋分配")), new(30, Text("Choice.Opinion", "李师傅", At, "收费要公开"))]),
        new(EvidenceKind.SignInSheet,
            [new(12, Text("Choice.Meeting", "第一次议事会", At, 18)), new(13, Text("Choice.Meeting", "第二次议事会", At, 0), Text("Choice.NotFinal.Meeting"))]),
        new(EvidenceKind.PlanDocument,
            [new(41, Text("Choice.Plan", 2, "刘红梅", At)), new(40, Text("Choice.Plan", 1, "刘红梅", At), Text("Choice.NotFinal.Plan"))]),
        new(EvidenceKind.Vote, []),
    ];

    private async Task<IRenderedComponent<MudDialogProvider>> ShowAsync(IReadOnlyList<EvidenceChoices> choices)
    {
        // Never reached: the dialog refuses before asking the service (a call would fail on the missing database).
        Services.AddScoped(_ => new SessionService(null!, null!, null!, null!, TimeProvider.System));
        var host = UseDialogs();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await host.InvokeAsync(() => dialogs.ShowAsync<CompleteStepDialog>("完成", new DialogParameters<CompleteStepDialog>
            { { d => d.Timeline, Timeline }, { d => d.Step, Step }, { d => d.Choices, choices } }));
        return host;
    }

    private static AngleSharp.Dom.IElement Input(IRenderedComponent<MudDialogProvider> host, string testId) =>
        host.Find($"input[data-testid={testId}], [data-testid={testId}] input");

    [Fact]
    public async Task The_records_are_offered_in_words_the_final_ones_chosen_at_first_the_others_disabled_with_why()
    {
        var host = await ShowAsync(Choices);

        Assert.Contains("王阿姨", host.Find("[data-testid=evidence-Opinions]").TextContent);
        Assert.Contains("车位按楼栋分配", host.Find("[data-testid=evidence-Opinions]").TextContent);
        // Opinions: both ticked, either may be unticked.
        Assert.True(Input(host, "evidence-Opinions-31").HasAttribute("checked"));
        Assert.True(Input(host, "evidence-Opinions-30").HasAttribute("checked"));
        Assert.False(Input(host, "evidence-Opinions-30").HasAttribute("disabled"));
        // A meeting: the closed one chosen, the open one disabled with why, its sign-ins in words.
        var meetings = host.Find("[data-testid=evidence-SignInSheet]");
        Assert.Contains("第一次议事会", meetings.TextContent);
        Assert.Contains("签到 18 人", meetings.TextContent);
        Assert.True(Input(host, "evidence-SignInSheet-12").HasAttribute("checked"));
        Assert.True(Input(host, "evidence-SignInSheet-13").HasAttribute("disabled"));
        Assert.Equal(["会议尚未结束", "已有更新的版本"], host.FindAll("[data-testid=evidence-not-final]").Select(e => e.TextContent.Trim()));
        Assert.Contains("第2版 · 刘红梅", host.Find("[data-testid=evidence-PlanDocument]").TextContent);
        Assert.True(Input(host, "evidence-PlanDocument-41").HasAttribute("checked"));
        Assert.True(Input(host, "evidence-PlanDocument-40").HasAttribute("disabled"));
        // No vote: what to do first, and no number to type anywhere.
        Assert.Equal("本步骤还没有关联表决：请先在下方“表决”中关联本社区的表决，表决结束后再完成。",
            host.Find("[data-testid=evidence-Vote-none]").TextContent.Trim());
        Assert.Empty(host.FindAll("input[inputmode=numeric]"));
    }

    [Fact]
    public async Task A_kind_with_nothing_chosen_is_pointed_out_without_sending_and_the_choices_stay()
    {
        var host = await ShowAsync(Choices);

        await Input(host, "evidence-Opinions-31").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = false });
        await Input(host, "evidence-Opinions-30").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = false });
        await host.Find("#complete-step-form").SubmitAsync();

        // Opinions unticked and no vote to choose: both pointed out; the meeting and the plan chosen stay chosen.
        var errors = host.FindAll("[data-testid=field-error]").Where(e => e.TextContent.Trim() == "请选择一项记录。").ToList();
        Assert.Equal(2, errors.Count);
        Assert.NotNull(host.Find("[data-testid=evidence-Opinions]").ParentElement!.QuerySelector("[data-testid=field-error]"));
        Assert.True(Input(host, "evidence-SignInSheet-12").HasAttribute("checked"));
        Assert.False(Input(host, "evidence-Opinions-31").HasAttribute("checked"));

        await Input(host, "evidence-Opinions-30").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = true });
        Assert.Equal(1, host.FindAll("[data-testid=field-error]").Count(e => e.TextContent.Trim() == "请选择一项记录。"));
    }

    [Fact]
    public async Task With_two_final_records_of_one_kind_none_is_chosen_for_the_secretary()
    {
        var host = await ShowAsync(
        [
            new(EvidenceKind.SignInSheet, [new(12, Text("Choice.Meeting", "第一次议事会", At, 18)), new(14, Text("Choice.Meeting", "第三次议事会", At, 9))]),
        ]);

        Assert.False(Input(host, "evidence-SignInSheet-12").HasAttribute("checked"));
        Assert.False(Input(host, "evidence-SignInSheet-14").HasAttribute("checked"));
        await host.Find("#complete-step-form").SubmitAsync();
        Assert.Single(host.FindAll("[data-testid=field-error]"), e => e.TextContent.Trim() == "请选择一项记录。");
    }
}
