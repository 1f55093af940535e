using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.Access;
using Portal.Domain.Councils;
using Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests.CouncilTopics;

/// <summary>
/// Topic collection in real browsers: a liaison submits (a validation error keeps what was typed), the secretary defers it
/// with a reason that appears on the liaison's open page; the secretary accepts two topics, reorders them and confirms the
/// agenda, and the liaison's bell shows it; a resident never gets the submit form.
/// </summary>
public sealed class TopicBrowserTests(BrowserFixture browser, PortalServerFixture server) : IClassFixture<PortalServerFixture>
{
    private static ILocator Card(IPage page, string title) => page.GetByTestId("topic-card").Filter(new() { HasText = title });

    /// <summary>Topics proposed by member units other than the liaison's hospital, as the secretariat would have them.</summary>
    private async Task AddTopicsAsync(int meetingId, params string[] titles)
    {
        var council = await CouncilTestData.FirstCouncilAsync(server.Portal);
        await using var db = await server.Portal.NewDbContextAsync();
        var hospital = await db.RoleAssignments.Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r, u.UserName })
            .Where(x => x.UserName == "liaison" && x.r.Role == PortalRole.UnitLiaison).Select(x => x.r.ScopeId).SingleAsync();
        var units = council.Members.Where(m => m.UnitId is not null && m.UnitId != hospital && m.TermTo == null).Select(m => m.UnitId!.Value).ToList();
        db.Topics.AddRange(titles.Select((t, k) => new Topic { MeetingId = meetingId, ProposerUnitId = units[k % units.Count], Title = t, ProposedMinutes = 15, SubmittedAtUtc = DateTime.UtcNow }));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_liaison_submits_a_topic_the_secretary_defers_with_a_reason_the_liaison_sees_live_and_a_resident_gets_no_form()
    {
        var meetingId = await CouncilTestData.ScheduledMeetingAsync(server.Portal, "浏览器议题征集会议");
        var path = $"/councils/meetings/{meetingId}/topics";

        await using var residentContext = await browser.NewContextAsync(server.BaseAddress);
        var resident = await PortalPage.SignedInPageAsync(residentContext, "resident", path);
        await Expect(resident.GetByTestId("topics-meeting-title")).ToHaveTextAsync("浏览器议题征集会议");
        await Expect(resident.GetByTestId("topics-members-only")).ToBeVisibleAsync();
        await Expect(resident.GetByTestId("topic-form")).ToHaveCountAsync(0);

        await using var liaisonContext = await browser.NewContextAsync(server.BaseAddress);
        var liaison = await PortalPage.SignedInPageAsync(liaisonContext, "liaison", path);
        await Expect(liaison.GetByTestId("topics-deadline")).ToContainTextAsync("前报送议题");
        await liaison.GetByTestId("topic-title").FillAsync("医院义诊进社区");
        await liaison.GetByTestId("topic-description").FillAsync("每月一次，在社区服务站。");
        await PortalPage.InputOf(liaison, "topic-minutes").FillAsync("500");
        await liaison.GetByTestId("topic-submit-button").ClickAsync();
        // Refused under its field; everything typed stays.
        await Expect(liaison.GetByTestId("topic-minutes-error")).ToHaveTextAsync("建议时长须在 1 到 120 分钟之间。");
        await Expect(liaison.GetByTestId("topic-title")).ToHaveValueAsync("医院义诊进社区");
        await Expect(liaison.GetByTestId("topic-description")).ToHaveValueAsync("每月一次，在社区服务站。");
        await Expect(liaison.GetByTestId("topic-card")).ToHaveCountAsync(0);

        await PortalPage.InputOf(liaison, "topic-minutes").FillAsync("20");
        await liaison.GetByTestId("topic-submit-button").ClickAsync();
        await Expect(liaison.GetByTestId("topic-saved")).ToBeVisibleAsync();
        var mine = Card(liaison, "医院义诊进社区");
        await Expect(mine.GetByTestId("topic-status")).ToHaveTextAsync("待筛选");
        await Expect(liaison.GetByTestId("topic-title")).ToHaveValueAsync("");

        await using var secretaryContext = await browser.NewContextAsync(server.BaseAddress);
        var secretary = await PortalPage.SignedInPageAsync(secretaryContext, "secretary", path);
        var card = Card(secretary, "医院义诊进社区");
        await card.GetByTestId("topic-action-defer").ClickAsync();
        await card.GetByTestId("topic-action-confirm").ClickAsync();
        await Expect(card.GetByTestId("topic-reason-error")).ToHaveTextAsync("请填写原因（不超过 500 字），将告知提议单位。");
        await card.GetByTestId("topic-reason-input").FillAsync("需先完成场地安全评估，下次会议再议");
        await card.GetByTestId("topic-action-confirm").ClickAsync();
        await Expect(card.GetByTestId("topic-status")).ToHaveTextAsync("暂缓");

        // The liaison's open page shows the decision and its reason without a reload, and after one.
        await Expect(mine.GetByTestId("topic-status")).ToHaveTextAsync("暂缓");
        await Expect(mine.GetByTestId("topic-reason")).ToHaveTextAsync("筛选意见：需先完成场地安全评估，下次会议再议");
        await liaison.ReloadAsync();
        await PortalPage.WaitForCircuitAsync(liaison);
        await Expect(Card(liaison, "医院义诊进社区").GetByTestId("topic-reason")).ToContainTextAsync("需先完成场地安全评估");
    }

    [Fact]
    public async Task The_secretary_accepts_two_topics_orders_them_and_confirms_the_agenda_and_the_liaison_s_bell_shows_it()
    {
        var meetingId = await CouncilTestData.ScheduledMeetingAsync(server.Portal, "浏览器议程确认会议");
        await AddTopicsAsync(meetingId, "停车秩序整治", "老年助餐点选址");
        var council = await CouncilTestData.FirstCouncilAsync(server.Portal);

        await using var liaisonContext = await browser.NewContextAsync(server.BaseAddress);
        var liaison = await PortalPage.SignedInPageAsync(liaisonContext, "liaison", $"/councils/{council.Id}");
        await Expect(liaison.GetByTestId("notification-bell")).ToHaveAttributeAsync("data-loaded", "true");
        var before = int.Parse((await liaison.GetByTestId("notification-count").TextContentAsync())!.Trim());

        await using var secretaryContext = await browser.NewContextAsync(server.BaseAddress);
        var secretary = await PortalPage.SignedInPageAsync(secretaryContext, "secretary", $"/councils/meetings/{meetingId}/topics");
        await Card(secretary, "停车秩序整治").GetByTestId("topic-action-accept").ClickAsync();
        await Expect(Card(secretary, "停车秩序整治").GetByTestId("topic-status")).ToHaveTextAsync("已采纳");
        await Card(secretary, "老年助餐点选址").GetByTestId("topic-action-accept").ClickAsync();
        await Expect(Card(secretary, "老年助餐点选址").GetByTestId("topic-status")).ToHaveTextAsync("已采纳");

        var lines = secretary.GetByTestId("agenda-line");
        await Expect(lines.GetByTestId("agenda-line-title")).ToHaveTextAsync(["停车秩序整治", "老年助餐点选址"]);
        await lines.First.GetByTestId("agenda-line-down").ClickAsync();
        await Expect(lines.GetByTestId("agenda-line-title")).ToHaveTextAsync(["老年助餐点选址", "停车秩序整治"]);
        await PortalPage.InputOf(lines.First, "agenda-line-minutes").FillAsync("25");
        await secretary.GetByTestId("agenda-confirm-button").ClickAsync();

        await Expect(secretary.GetByTestId("topics-meeting-status")).ToHaveAttributeAsync("data-status", nameof(MeetingStatus.AgendaConfirmed));
        await Expect(secretary.GetByTestId("agenda-confirmed-item")).ToHaveTextAsync([
            new System.Text.RegularExpressions.Regex("^老年助餐点选址.*25"), new System.Text.RegularExpressions.Regex("^停车秩序整治.*15")]);

        // The liaison's bell, on another page, counts the notice without a reload and shows it.
        await Expect(liaison.GetByTestId("notification-count")).ToHaveTextAsync((before + 1).ToString());
        await liaison.GetByTestId("notification-button").ClickAsync();
        await Expect(liaison.GetByTestId("notification-menu")).ToContainTextAsync("“浏览器议程确认会议”议程已确定");

        var ct = TestContext.Current.CancellationToken;
        await using var db = await server.Portal.NewDbContextAsync(ct);
        var items = await db.AgendaItems.Where(i => i.MeetingId == meetingId).OrderBy(i => i.Position).Select(i => i.Title).ToListAsync(ct);
        Assert.Equal(["老年助餐点选址", "停车秩序整治"], items);
    }

    [Fact]
    public async Task A_liaison_requests_an_ad_hoc_meeting_and_the_secretary_confirms_it_at_another_time()
    {
        var council = await CouncilTestData.FirstCouncilAsync(server.Portal);
        var today = Portal.Web.Features.Localization.PortalTime.ToLocal(DateTime.UtcNow).Date;
        // The day is typed as yyyy-MM-dd and the time as 24-hour HH:mm (China time); the page shows it as zh-CN writes it.
        static async Task TypeStartAsync(IPage page, string testId, DateTime local)
        {
            await page.GetByTestId($"{testId}-day").FillAsync(local.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByTestId($"{testId}-day").PressAsync("Tab");
            await page.GetByTestId($"{testId}-time").FillAsync(local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByTestId($"{testId}-time").PressAsync("Tab");
        }
        static string Shown(DateTime local) => local.ToString("g", System.Globalization.CultureInfo.GetCultureInfo("zh-CN"));
        var proposed = today.AddDays(8).AddHours(15);
        var confirmed = today.AddDays(9).AddHours(9);

        await using var liaisonContext = await browser.NewContextAsync(server.BaseAddress);
        var liaison = await PortalPage.SignedInPageAsync(liaisonContext, "liaison", $"/councils/{council.Id}");
        await liaison.GetByTestId("council-request-meeting").ClickAsync();
        await liaison.WaitForURLAsync($"**/councils/{council.Id}/request");
        await PortalPage.WaitForCircuitAsync(liaison);
        await liaison.GetByTestId("request-reason").FillAsync("汛期将至，排水改造需尽快协调");
        await TypeStartAsync(liaison, "request-start", proposed);
        await liaison.GetByTestId("request-submit").ClickAsync();
        await Expect(liaison.GetByTestId("request-title-error")).ToBeVisibleAsync();
        await Expect(liaison.GetByTestId("request-topics-error")).ToHaveTextAsync("申请临时会议须至少提出一个议题。");
        await Expect(liaison.GetByTestId("request-reason")).ToHaveValueAsync("汛期将至，排水改造需尽快协调");

        await liaison.GetByTestId("request-title").FillAsync("防汛排水临时会议");
        await liaison.GetByTestId("request-topic-title").First.FillAsync("老旧小区排水改造");
        await liaison.GetByTestId("request-submit").ClickAsync();
        await liaison.WaitForURLAsync("**/councils/meetings/*/topics");
        await PortalPage.WaitForCircuitAsync(liaison);
        await Expect(liaison.GetByTestId("topics-meeting-status")).ToHaveAttributeAsync("data-status", nameof(MeetingStatus.Requested));
        await Expect(Card(liaison, "老旧小区排水改造")).ToBeVisibleAsync();
        await Expect(liaison.GetByTestId("adhoc-decision")).ToHaveCountAsync(0);
        await Expect(liaison.GetByTestId("topics-meeting-when")).ToContainTextAsync(Shown(proposed));

        await using var secretaryContext = await browser.NewContextAsync(server.BaseAddress);
        var secretary = await PortalPage.SignedInPageAsync(secretaryContext, "secretary", $"/councils/{council.Id}");
        await secretary.GetByTestId("council-requested-row").Filter(new() { HasText = "防汛排水临时会议" }).GetByRole(AriaRole.Link).ClickAsync();
        await secretary.WaitForURLAsync("**/councils/meetings/*/topics");
        await PortalPage.WaitForCircuitAsync(secretary);
        await secretary.GetByTestId("adhoc-decline").ClickAsync();
        await secretary.Locator(PortalPage.DialogSelector).GetByRole(AriaRole.Button, new() { Name = "不同意" }).ClickAsync();
        await Expect(secretary.GetByTestId("adhoc-reason-error")).ToHaveTextAsync("请填写原因（不超过 500 字），将告知相关单位。");

        await Expect(secretary.GetByTestId("adhoc-start-day")).ToHaveValueAsync(proposed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(secretary.GetByTestId("adhoc-start-time")).ToHaveValueAsync("15:00");
        await TypeStartAsync(secretary, "adhoc-start", confirmed);
        await secretary.GetByTestId("adhoc-confirm").ClickAsync();
        await Expect(secretary.GetByTestId("topics-meeting-status")).ToHaveAttributeAsync("data-status", nameof(MeetingStatus.Scheduled));
        await Expect(secretary.GetByTestId("adhoc-decision")).ToHaveCountAsync(0);
        await Expect(secretary.GetByTestId("topics-meeting-when")).ToContainTextAsync(Shown(confirmed));
        // The liaison's open page follows the answer without a reload.
        await Expect(liaison.GetByTestId("topics-meeting-status")).ToHaveAttributeAsync("data-status", nameof(MeetingStatus.Scheduled));
    }
}
