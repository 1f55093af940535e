using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.Councils;
using Portal.Domain.WorkItems;
using Portal.Web.Features.Localization;
using Portal.Testing;
using Portal.Web.Features.Platform;
using static Microsoft.Playwright.Assertions;
using static Portal.Browser.Tests.PortalPage;

namespace Portal.Browser.Tests.CouncilReview;

/// <summary>
/// The annual review in a real browser: the secretary edits a rule and the totals follow; a carry-over without a reason is
/// refused keeping the other input; the raising unit's liaison rates a project; English.
/// </summary>
public sealed class CouncilReviewBrowserTests(BrowserFixture browser, PortalServerFixture server) : IClassFixture<PortalServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;


    private Task<Council> CouncilAsync() => CouncilTestData.FirstCouncilAsync(server.Portal);

    [Fact]
    public async Task The_secretary_opens_the_review_edits_a_rule_and_sees_the_totals_change()
    {
        var council = await CouncilAsync();
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await PortalPage.SignedInPageAsync(context, "secretary", $"/councils/{council.Id}");

        await page.GetByTestId("council-review-link").ClickAsync();
        await page.WaitForURLAsync($"**/councils/{council.Id}/review");
        await PortalPage.WaitForCircuitAsync(page);
        var year = PortalTime.ToLocal(DateTime.UtcNow).Year;
        await Expect(page.GetByTestId("review-title")).ToHaveTextAsync($"{year}年度评议");
        await Expect(page.GetByTestId("review-rules-source")).ToHaveTextAsync("默认规则");
        var row = page.GetByTestId("score-row").First;
        var unit = await row.GetAttributeAsync("data-unit-id");
        var unitRow = page.Locator($"[data-testid=score-row][data-unit-id='{unit}']");
        var before = await unitRow.GetByTestId("score-total").InnerTextAsync();
        await Expect(page.GetByTestId("score-chart")).ToBeVisibleAsync();

        // A cap below the points per activity is refused under its field, the figures typed stay.
        await page.GetByTestId("rules-edit").ClickAsync();
        await InputOf(page, "rules-activity-cap").FillAsync("1");
        await InputOf(page, "rules-activity-cap").PressAsync("Tab");
        await InputOf(page, "rules-attendance").FillAsync("80");
        await InputOf(page, "rules-attendance").PressAsync("Tab");
        await page.GetByTestId("rules-save").ClickAsync();
        await Expect(page.GetByTestId("rules-activity-cap-error")).ToHaveTextAsync("上限不能低于单项分值。");
        await Expect(InputOf(page, "rules-activity-cap")).ToHaveValueAsync("1");
        await Expect(InputOf(page, "rules-attendance")).ToHaveValueAsync("80");
        await Expect(unitRow.GetByTestId("score-total")).ToHaveTextAsync(before);

        await InputOf(page, "rules-activity-cap").FillAsync("10");
        await InputOf(page, "rules-activity-cap").PressAsync("Tab");
        await page.GetByTestId("rules-save").ClickAsync();

        await Expect(page.GetByTestId("review-notice")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("rules-editor")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("review-rules-source")).ToHaveTextAsync("本年度规则（已修订 1 次）");
        await Expect(unitRow.GetByTestId("score-total")).Not.ToHaveTextAsync(before);
        await using var db = await server.Portal.NewDbContextAsync(Ct);
        var stored = await db.CouncilScoringRuleSets.AsNoTracking().SingleAsync(r => r.CouncilId == council.Id && r.Year == year, Ct);
        Assert.Equal(80, stored.AttendanceMaxPoints);
        Assert.Equal(10, stored.ActivityCapPerQuarter);
    }

    [Fact]
    public async Task A_carry_over_without_a_reason_shows_the_error_and_keeps_the_other_reasons()
    {
        var council = await CouncilAsync();
        var (year, first, second) = await OpenTasksAsync(council);
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await PortalPage.SignedInPageAsync(context, "secretary", $"/councils/{council.Id}/review/{year}");

        var firstTask = page.Locator($"[data-testid=carry-task][data-item-id='{first}']");
        var secondTask = page.Locator($"[data-testid=carry-task][data-item-id='{second}']");
        await Expect(firstTask).ToBeVisibleAsync();
        await Expect(secondTask).ToBeVisibleAsync();
        await firstTask.GetByTestId("carry-reason").FillAsync("施工单位冬季停工，明年开春续办");
        await page.GetByTestId("carry-submit").ClickAsync();

        await Expect(secondTask.GetByTestId("carry-reason-error")).ToHaveTextAsync("请填写结转原因（不超过 500 字）。");
        await Expect(firstTask.GetByTestId("carry-reason-error")).ToHaveCountAsync(0);
        await Expect(firstTask.GetByTestId("carry-reason")).ToHaveValueAsync("施工单位冬季停工，明年开春续办");
        await Expect(page.GetByTestId("carried-task")).ToHaveCountAsync(0);

        // Every open task needs its reason (the demo may hold other open tasks of the year too).
        var reasons = page.GetByTestId("carry-reason");
        for (var i = 0; i < await reasons.CountAsync(); i++)
        {
            if (await reasons.Nth(i).InputValueAsync() == "") await reasons.Nth(i).FillAsync("资金尚未到位");
        }
        await page.GetByTestId("carry-submit").ClickAsync();

        await Expect(page.GetByTestId("review-notice")).ToBeVisibleAsync();
        var carried = page.Locator($"[data-testid=carried-task][data-item-id='{first}']");
        await Expect(carried.GetByTestId("carried-reason")).ToHaveTextAsync("施工单位冬季停工，明年开春续办");
        await Expect(page.Locator($"[data-testid=carried-task][data-item-id='{second}']").GetByTestId("carried-reason")).ToHaveTextAsync("资金尚未到位");
        await Expect(page.GetByTestId("carry-task")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task In_english_the_review_shows_english_labels()
    {
        var council = await CouncilAsync();
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await PortalPage.SignedInPageAsync(context, "resident", $"/councils/{council.Id}/review");
        await page.GetByTestId("culture-switch").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.GotoAsync($"/councils/{council.Id}/review");
        await PortalPage.WaitForCircuitAsync(page);

        var year = PortalTime.ToLocal(DateTime.UtcNow).Year;
        await Expect(page.GetByTestId("review-title")).ToHaveTextAsync($"Annual review {year}");
        await Expect(page.GetByTestId("review-scores").GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Member unit scores");
        await Expect(page.GetByTestId("score-table").Locator("thead")).ToContainTextAsync("Attendance rate");
        await Expect(page.GetByTestId("review-activity-source")).ToContainTextAsync("How activities are counted");
        await Expect(page.GetByTestId("review-carry").GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync($"Unfinished tasks carried into {year + 1}");
        // A resident reads the review but has no editor.
        await Expect(page.GetByTestId("rules-edit")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("carry-submit")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_liaison_of_the_raising_unit_rates_a_reported_project_and_a_missing_choice_is_refused_keeping_the_note()
    {
        var council = await CouncilAsync();
        var (year, projectId) = await ReportedProjectRaisedByTheHospitalAsync(council);
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await PortalPage.SignedInPageAsync(context, "liaison", $"/councils/{council.Id}/review/{year}");

        var row = page.Locator($"[data-testid=project-row][data-project-id='{projectId}']");
        await Expect(row.GetByTestId("project-raising-unit")).ToHaveTextAsync("东城区第二人民医院");
        await row.GetByTestId("project-rate-note").FillAsync("居民反映良好");
        await row.GetByTestId("project-rate").ClickAsync();
        await Expect(row.GetByTestId("project-rate-rating-error")).ToHaveTextAsync("请选择评价结果。");
        await Expect(row.GetByTestId("project-rate-note")).ToHaveValueAsync("居民反映良好");

        await row.GetByTestId("project-rate-choice").GetByText("满意", new() { Exact = true }).ClickAsync();
        await row.GetByTestId("project-rate").ClickAsync();

        await Expect(page.GetByTestId("review-notice")).ToBeVisibleAsync();
        await Expect(row.GetByTestId("project-rating")).ToHaveTextAsync("满意");
        await Expect(row.GetByTestId("project-rate-form")).ToHaveCountAsync(0);
        await using var db = await server.Portal.NewDbContextAsync(Ct);
        var project = await db.WorkItems.AsNoTracking().SingleAsync(w => w.Id == projectId, Ct);
        Assert.Equal(Satisfaction.Satisfied, project.Rating);
    }

    /// <summary>
    /// A project of the community reported done by its lead unit, whose need the hospital (the "liaison" account's unit)
    /// brought to the council as a topic of its latest held meeting; returns the meeting's year and the project's id.
    /// </summary>
    private async Task<(int Year, int Project)> ReportedProjectRaisedByTheHospitalAsync(Council council)
    {
        await using var db = await server.Portal.NewDbContextAsync(Ct);
        var meeting = await db.Meetings.Where(m => m.CouncilId == council.Id && (m.Status == MeetingStatus.Ended || m.Status == MeetingStatus.MinutesApproved))
            .OrderByDescending(m => m.StartsAtUtc).FirstAsync(Ct);
        var hospital = await db.Units.Where(u => u.Name == "东城区第二人民医院").Select(u => u.Id).SingleAsync(Ct);
        var lead = council.Members.First(m => m.UnitId is not null && m.UnitId != hospital).UnitId!.Value;
        var at = meeting.StartsAtUtc;
        var project = new WorkItem
        {
            Kind = WorkItemKind.Project, Title = "社区健康驿站", Category = WorkItemCategories.All[0], CommunityId = council.CommunityId!.Value,
            Channel = RaiseChannel.Council, RaisedByName = "测试", RaisedAtUtc = at, OwnerUnitId = lead, IsShared = true, IsPublic = true, Project = new ProjectDetails { ProgressPercent = 100 },
        };
        foreach (var action in new[] { WorkItemAction.Triage, WorkItemAction.Dispatch, WorkItemAction.Accept, WorkItemAction.ReportBack })
            Assert.True(project.Apply(action, at).Allowed);
        db.WorkItems.Add(project);
        await db.SaveChangesAsync(Ct);
        var need = new WorkItem
        {
            Kind = WorkItemKind.Need, Title = "居民就近体检需求", Category = WorkItemCategories.All[0], CommunityId = council.CommunityId!.Value,
            RaisedByName = "测试", RaisedAtUtc = at.AddDays(-10),
        };
        need.TakeUpInto(project.Id);
        db.WorkItems.Add(need);
        await db.SaveChangesAsync(Ct);
        db.Topics.Add(new Topic { MeetingId = meeting.Id, ProposerUnitId = hospital, Title = "建设社区健康驿站", WorkItemId = need.Id, SubmittedAtUtc = at.AddDays(-8) });
        await db.SaveChangesAsync(Ct);
        return (PortalTime.ToLocal(meeting.StartedAtUtc ?? meeting.StartsAtUtc).Year, project.Id);
    }

    /// <summary>Two in-progress council tasks from resolutions of the council's latest held meeting; returns its year and their ids.</summary>
    private async Task<(int Year, int First, int Second)> OpenTasksAsync(Council council)
    {
        await using var db = await server.Portal.NewDbContextAsync(Ct);
        var meeting = await db.Meetings.Where(m => m.CouncilId == council.Id && (m.Status == MeetingStatus.Ended || m.Status == MeetingStatus.MinutesApproved))
            .OrderByDescending(m => m.StartsAtUtc).FirstAsync(Ct);
        var owner = council.Members.First(m => m.UnitId is not null).UnitId!.Value;
        var ids = new List<int>();
        foreach (var title in new[] { "小区雨污分流改造", "老年食堂选址" })
        {
            var task = new WorkItem
            {
                Kind = WorkItemKind.CouncilTask, Title = title, Category = WorkItemCategories.All[0], CommunityId = council.CommunityId!.Value,
                Channel = RaiseChannel.Council, RaisedByName = "测试", RaisedAtUtc = meeting.EndsAtUtc, OwnerUnitId = owner, DueAtUtc = meeting.EndsAtUtc.AddDays(30),
            };
            foreach (var action in new[] { WorkItemAction.Triage, WorkItemAction.Dispatch, WorkItemAction.Accept })
                Assert.True(task.Apply(action, meeting.EndsAtUtc).Allowed);
            db.WorkItems.Add(task);
            await db.SaveChangesAsync(Ct);
            db.Resolutions.Add(new Resolution
            {
                MeetingId = meeting.Id, Decision = title, OwnerUnitId = owner, WorkItemId = task.Id,
                DueDate = DateOnly.FromDateTime(PortalTime.ToLocal(meeting.EndsAtUtc)).AddDays(30),
            });
            await db.SaveChangesAsync(Ct);
            ids.Add(task.Id);
        }
        return (PortalTime.ToLocal(meeting.StartedAtUtc ?? meeting.StartsAtUtc).Year, ids[0], ids[1]);
    }
}
