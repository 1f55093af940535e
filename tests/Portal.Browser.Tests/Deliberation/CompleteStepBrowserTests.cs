using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Testing;
using Portal.Web.Features.Deliberation.Matters;
using Portal.Web.Features.Deliberation.Meetings;
using Portal.Web.Features.Deliberation.Opinions;
using Portal.Web.Features.Deliberation.Sessions;
using Portal.Web.Features.Deliberation.Templates;
using Portal.Web.Features.Platform;
using Portal.Web.Kit.Results;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests.Deliberation;

/// <summary>
/// The secretary completes a step on a phone by picking its evidence from the session's records: the held meeting
/// chosen already and the open one greyed with why, the opinions ticked; every choice a thumb can hit, nothing wider
/// than the screen; unticking every opinion is refused under them, and ticking one again completes the step.
/// </summary>
public sealed class CompleteStepBrowserTests(BrowserFixture browser, PortalServerFixture server) : IClassFixture<PortalServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Portal => server.Portal;

    [Fact]
    public async Task On_a_phone_the_step_is_completed_with_the_held_meeting_and_the_opinions_picked_in_words()
    {
        var sessionId = await SessionAsync("小区东门停车整治");
        var opinion = await Portal.AsAsync<OpinionService, Result<OpinionRow>>("resident", s => s.PostAsync(sessionId, "晚上东门外的车停到路口了，建议划线。", Ct));
        Assert.True(opinion.Succeeded, Portal.TextOf(opinion));
        var open = await MeetingAsync(sessionId, "补充议事会");
        var held = await MeetingAsync(sessionId, "东门停车议事会");
        Assert.True((await Portal.AsAsync<MeetingService, Result<MeetingView>>("secretary", s => s.RecordSignInAsync(held, "张大爷", Ct))).Succeeded);
        Assert.True((await Portal.AsAsync<MeetingService, Result<MeetingView>>("secretary", s => s.CloseAsync(held, Ct))).Succeeded);

        await using var phone = await browser.NewContextAsync(server.BaseAddress, BrowserFixture.Phone);
        var page = await PortalPage.SignedInPageAsync(phone, "secretary", $"/deliberation/sessions/{sessionId}");
        await page.GetByTestId("complete-step").ClickAsync();
        var dialog = page.GetByTestId("complete-step-dialog");
        await Expect(dialog).ToBeVisibleAsync();

        var meetings = page.GetByTestId($"evidence-{EvidenceKind.SignInSheet}");
        await Expect(meetings).ToContainTextAsync("东门停车议事会");
        await Expect(meetings).ToContainTextAsync("签到 1 人");
        await Expect(meetings).ToContainTextAsync("会议尚未结束");
        var heldChoice = page.GetByTestId($"evidence-{EvidenceKind.SignInSheet}-{held}");
        await Expect(heldChoice).ToBeCheckedAsync();
        await Expect(page.GetByTestId($"evidence-{EvidenceKind.SignInSheet}-{open}")).ToBeDisabledAsync();
        var opinionChoice = page.GetByTestId($"evidence-{EvidenceKind.Opinions}-{opinion.Id}");
        await Expect(opinionChoice).ToBeCheckedAsync();
        await Expect(page.GetByTestId($"evidence-{EvidenceKind.Opinions}")).ToContainTextAsync("晚上东门外的车停到路口了");
        await PortalPage.AssertTouchableAsync(page.Locator("label").Filter(new() { Has = heldChoice }), "the held meeting's choice");
        await PortalPage.AssertTouchableAsync(page.Locator("label").Filter(new() { Has = opinionChoice }), "the opinion's choice");
        await PortalPage.AssertTouchableAsync(page.GetByTestId("complete-step-save"), "the complete button");
        await PortalPage.AssertTouchableAsync(page.Locator(PortalPage.DialogSelector).GetByTestId("cancel"), "the cancel button");
        await PortalPage.AssertNoSidewaysScrollAsync(page);

        // No opinion left: refused under the opinions, the meeting still chosen; one ticked again completes the step.
        await opinionChoice.UncheckAsync();
        await page.GetByTestId("complete-step-save").ClickAsync();
        await Expect(page.Locator(PortalPage.DialogSelector).GetByTestId("field-error")).ToHaveTextAsync("请选择一项记录。");
        await Expect(heldChoice).ToBeCheckedAsync();
        await opinionChoice.CheckAsync();
        await page.GetByTestId("complete-step-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("step-evidence")).ToHaveCountAsync(2);
        // The timeline names the records in words, as the dialog did: the meeting with its sign-ins, the opinions counted.
        await Expect(page.GetByTestId("step-evidence").Nth(0)).ToContainTextAsync("签到表：东门停车议事会");
        await Expect(page.GetByTestId("step-evidence").Nth(0)).ToContainTextAsync("签到 1 人");
        await Expect(page.GetByTestId("step-evidence").Nth(1)).ToHaveTextAsync("意见 1 条");
        await using var db = await Portal.NewDbContextAsync(Ct);
        var completion = (await db.DeliberationSessions.AsNoTracking().SingleAsync(s => s.Id == sessionId, Ct)).Completions.Single();
        Assert.Equal([new EvidenceRef(EvidenceKind.SignInSheet, held), new EvidenceRef(EvidenceKind.Opinions, opinion.Id)], completion.Evidence);
    }

    private async Task<int> MeetingAsync(int sessionId, string title)
    {
        var scheduled = await Portal.AsAsync<MeetingService, Result<MeetingView>>("secretary", s => s.ScheduleAsync(sessionId,
            new MeetingDraft(title, "居委会二楼", DateTime.UtcNow.AddMinutes(30), 20), Ct));
        Assert.True(scheduled.Succeeded, Portal.TextOf(scheduled));
        return scheduled.Id;
    }

    /// <summary>A session of 青年湖社区 whose first step needs a sign-in sheet and opinions (its comment window open).</summary>
    private async Task<int> SessionAsync(string title)
    {
        await using var db = await Portal.NewDbContextAsync(Ct);
        var community = await db.Communities.Where(c => c.Name == DemoDataSeeder.CommunityNames[0]).Select(c => c.Id).SingleAsync(Ct);
        var template = await Portal.AsAsync<TemplateService, Result<TemplateRow>>("secretary", s => s.CreateAsync(new TemplateForm
        {
            OwnerScope = ScopeKind.Community, OwnerId = community, Name = "停车议事",
            Steps = [ProcedureStep.Of("议事协商", PortalRole.CommunitySecretary, null, EvidenceKind.SignInSheet, EvidenceKind.Opinions)],
        }, Ct));
        Assert.True(template.Succeeded, Portal.TextOf(template));
        var raised = await Portal.AsAsync<MatterService, Result<MatterRow>>("resident", s => s.RaiseAsync(new MatterForm { CommunityId = community, Title = title }, Ct));
        Assert.True(raised.Succeeded, Portal.TextOf(raised));
        var version = await db.Matters.Where(m => m.Id == raised.Id).Select(m => m.Version).SingleAsync(Ct);
        Assert.True((await Portal.AsAsync<MatterService, Result<MatterRow>>("secretary", s => s.AcceptAsync(raised.Id, version, Ct))).Succeeded);
        var started = await Portal.AsAsync<SessionService, Result<SessionTimeline>>("secretary", s => s.StartAsync(raised.Id, template.Id, Ct));
        Assert.True(started.Succeeded, Portal.TextOf(started));
        return started.Id;
    }
}
