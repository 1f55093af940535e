using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.Councils;
using Portal.Testing;
using Portal.Web.Features.Localization;
using static Microsoft.Playwright.Assertions;
using static Portal.Browser.Tests.PortalPage;

namespace Portal.Browser.Tests.CouncilMinutes;

/// <summary>
/// After the meeting, in a real browser: the recorder records a decision (a refusal shows under its field and keeps the
/// input), generates the minutes from the record, edits them with a live preview, approves them, downloads the Word
/// 会议纪要 through the page's link and reads it back with the agenda items in order; the council page then shows the new
/// task among 新增 and 推进.
/// </summary>
public sealed class MinutesBrowserTests(BrowserFixture browser, PortalServerFixture server) : IClassFixture<PortalServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly (string Title, int Minutes)[] Items = [("社区助餐点扩容", 15), ("冬季供暖设施联合巡检", 20), ("老旧小区加装电梯意见征集", 10)];


    [Fact]
    public async Task The_recorder_drafts_edits_and_approves_the_minutes_downloads_the_word_file_and_the_council_shows_the_new_task()
    {
        // "gridworker" (孙志强) holds the Recorder seat of the first council; the meeting is held through the domain.
        var council = await CouncilTestData.FirstCouncilAsync(server.Portal);
        var recorderSeat = CouncilRoster.Holding(council.Members, CouncilRole.Recorder, DateOnly.FromDateTime(PortalTime.ToLocal(DateTime.UtcNow))).Single();
        await using (var db = await server.Portal.NewDbContextAsync(Ct))
            Assert.Equal(recorderSeat.PersonId, await db.Users.Where(u => u.UserName == "gridworker").Select(u => u.PersonId).SingleAsync(Ct));
        var meetingId = await CouncilMinutesTestData.HeldMeetingAsync(server.Portal, "纪要浏览器测试会议", Items);
        var ownerName = await OwnerUnitNameAsync(council);

        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await PortalPage.SignedInPageAsync(context, "gridworker", $"/councils/meetings/{meetingId}/minutes");
        await PortalPage.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("minutes-title")).ToContainTextAsync("纪要浏览器测试会议");
        await Expect(page.GetByTestId("resolutions-empty")).ToBeVisibleAsync();

        // A decision without its owner unit is refused under the field; what was typed stays.
        const string decision = "助餐点扩容：一个月内完成选址并开工";
        await page.GetByTestId("resolution-add").ClickAsync();
        var form = page.GetByTestId("resolution-form");
        await form.GetByTestId("resolution-decision-input").FillAsync(decision);
        await form.GetByTestId("resolution-save").ClickAsync();
        await Expect(form.GetByTestId("resolution-owner-error")).ToHaveTextAsync("请选择责任单位。");
        await Expect(form.GetByTestId("resolution-due-error")).ToHaveTextAsync("请填写完成时限。");
        await Expect(form.GetByTestId("resolution-decision-input")).ToHaveValueAsync(decision);

        await PickAsync(page, "resolution-agenda-item", Items[0].Title);
        await PickAsync(page, "resolution-owner-input", ownerName);
        var due = DateOnly.FromDateTime(PortalTime.ToLocal(DateTime.UtcNow)).AddDays(30);
        var dueInput = InputOf(form, "resolution-due-input");
        await dueInput.FillAsync(due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await dueInput.PressAsync("Tab");
        await form.GetByTestId("resolution-save").ClickAsync();
        var row = page.GetByTestId("resolution-row");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByTestId("resolution-decision")).ToHaveTextAsync(decision);
        await Expect(row.GetByTestId("resolution-owner")).ToHaveTextAsync(ownerName);
        await Expect(page.GetByTestId("resolution-form")).ToHaveCountAsync(0);

        // Generate the draft from the record, then edit it: the preview follows the text as typed.
        await page.GetByTestId("minutes-generate").ClickAsync();
        var editor = page.GetByTestId("minutes-markdown");
        await Expect(editor).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("一、社区助餐点扩容"));
        await Expect(editor).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(decision));
        var preview = page.GetByTestId("minutes-preview");
        await Expect(preview.Locator("h1")).ToContainTextAsync("会议纪要");
        const string addition = "会议强调，各成员单位要按照分工抓好落实。";
        var text = await editor.InputValueAsync();
        await editor.FillAsync(text + "\n" + addition + "\n");
        await Expect(preview).ToContainTextAsync(addition);
        await page.GetByTestId("minutes-save").ClickAsync();
        await Expect(page.Locator(ToastSelector).Filter(new() { HasText = "草稿已保存。" })).ToBeVisibleAsync();

        // Approve (asked first); the decision becomes a task and the Word file is offered.
        await page.GetByTestId("minutes-approve").ClickAsync();
        await page.Locator(DialogSelector).GetByRole(AriaRole.Button, new() { Name = "审定纪要" }).ClickAsync();
        await Expect(page.GetByTestId("minutes-status")).ToHaveTextAsync("纪要已审定");
        await Expect(page.GetByTestId("minutes-text")).ToContainTextAsync(addition);
        await Expect(page.GetByTestId("resolution-task-link")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("minutes-generate")).ToHaveCountAsync(0);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("minutes-docx-link").ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        using (var document = WordprocessingDocument.Open((await download.PathAsync())!, false))
        {
            var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
            var headings = paragraphs.Where(p => p.Length > 2 && "一二三".Contains(p[0]) && p[1] == '、').ToList();
            Assert.Equal(Items.Select((item, i) => $"{"一二三"[i]}、{item.Title}"), headings);
            Assert.Contains(addition, paragraphs);
            Assert.Contains(decision, document.MainDocumentPart.Document.Body.Elements<Table>().Single().InnerText);
        }

        // The council page counts the task as new this year and in progress, and lists it with a link to the item.
        await page.GotoAsync($"/councils/{council.Id}");
        await PortalPage.WaitForCircuitAsync(page);
        var tasks = page.GetByTestId("council-tasks");
        await Expect(tasks.GetByTestId("tasks-created")).ToContainTextAsync("新增");
        await Expect(tasks.GetByTestId("tasks-open")).ToContainTextAsync("推进");
        await Expect(tasks.GetByTestId("tasks-closed")).ToContainTextAsync("已销号");
        var taskLink = tasks.GetByTestId("tasks-recent").GetByTestId("task-link").Filter(new() { HasText = decision });
        await Expect(taskLink).ToHaveCountAsync(1);
        Assert.True(int.Parse(await tasks.GetByTestId("tasks-created-count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.True(int.Parse(await tasks.GetByTestId("tasks-open-count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        await taskLink.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/lists/items/\d+$"));
    }

    [Fact]
    public async Task A_participant_who_does_not_record_reads_the_draft_without_editing_and_another_community_is_refused()
    {
        var meetingId = await CouncilMinutesTestData.HeldMeetingAsync(server.Portal, "纪要只读测试会议", Items);
        await using (var db = await server.Portal.NewDbContextAsync(Ct))
        {
            var meeting = await db.Meetings.SingleAsync(m => m.Id == meetingId, Ct);
            Assert.Null(meeting.SaveMinutesDraft("# 只读纪要\n\n正文内容。\n"));
            await db.SaveChangesAsync(Ct);
        }

        await using var liaisonContext = await browser.NewContextAsync(server.BaseAddress);
        var liaison = await PortalPage.SignedInPageAsync(liaisonContext, "liaison", $"/councils/meetings/{meetingId}/minutes");
        await PortalPage.WaitForCircuitAsync(liaison);
        await Expect(liaison.GetByTestId("minutes-text")).ToContainTextAsync("正文内容。");
        await Expect(liaison.GetByTestId("minutes-markdown")).ToHaveCountAsync(0);
        await Expect(liaison.GetByTestId("resolution-add")).ToHaveCountAsync(0);
        await Expect(liaison.GetByTestId("minutes-docx-link")).ToHaveCountAsync(0);

        await using var otherContext = await browser.NewContextAsync(server.BaseAddress);
        var other = await PortalPage.SignedInPageAsync(otherContext, "resident2", $"/councils/meetings/{meetingId}/minutes");
        await PortalPage.WaitForCircuitAsync(other);
        await Expect(other.GetByTestId("minutes-not-found")).ToBeVisibleAsync();
        await Expect(other.GetByTestId("minutes-title")).ToHaveCountAsync(0);
    }

    /// <summary>The unit whose liaison is the "liaison" account, among the council's member units.</summary>
    private async Task<string> OwnerUnitNameAsync(Council council)
    {
        await using var db = await server.Portal.NewDbContextAsync(Ct);
        var memberUnits = council.Members.Select(m => m.UnitId).OfType<int>().ToList();
        var liaisonUnit = await db.RoleAssignments
            .Where(r => r.Role == Portal.Domain.Access.PortalRole.UnitLiaison && db.Users.Any(u => u.Id == r.UserId && u.UserName == "liaison"))
            .Select(r => r.ScopeId).FirstAsync(Ct);
        var unitId = memberUnits.Contains(liaisonUnit) ? liaisonUnit : memberUnits[0];
        return await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).SingleAsync(Ct);
    }
}
