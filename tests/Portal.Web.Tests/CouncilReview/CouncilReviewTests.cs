using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Councils;
using Portal.Domain.Text;
using Portal.Domain.WorkItems;
using Portal.Testing;
using Portal.Web.Kit.Results;
using Portal.Web.Data;
using Portal.Web.Features.Councils.Review;
using Portal.Web.Features.Localization;
using Portal.Web.Features.Platform;
using Portal.Web.Tests.Accounts;
using Portal.Web.Tests.Data;

namespace Portal.Web.Tests.CouncilReview;

/// <summary>
/// The annual review through the real portal: scores are the domain's for the demo council's year, managers edit the
/// rules (a new rule set row, totals follow) and carry open council tasks over with reasons, the raising unit's liaison
/// rates a project, everyone else is refused, and the score export reads back.
/// </summary>
public sealed class CouncilReviewTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<T> As<T>(string user, Func<ReviewService, Task<T>> action) =>
        TestAccounts.AsAsync(Host, user, s => action(s.GetRequiredService<ReviewService>()));

    private Task<Council> CouncilAsync(int communityIndex = 0) => TestAccounts.DbAsync(Host, db => db.Councils.AsNoTracking().Include(c => c.Members)
        .SingleAsync(c => c.CommunityId == db.Communities.Single(x => x.Name == DemoDataSeeder.CommunityNames[communityIndex]).Id, Ct));

    private Task<int> UnitIdAsync(string name) => TestAccounts.DbAsync(Host, db => db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync(Ct));

    /// <summary>The expected scores, straight from the domain with the data as stored and the activity source the page states.</summary>
    private async Task<IReadOnlyList<UnitScore>> ExpectedScoresAsync(Council council, int year, ScoringRules rules)
    {
        await using var db = await Host.NewDbContextAsync(Ct);
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Attendances).Where(m => m.CouncilId == council.Id).ToListAsync(Ct);
        var ids = meetings.Select(m => m.Id).ToList();
        var topics = await db.Topics.AsNoTracking().Where(t => ids.Contains(t.MeetingId)).ToListAsync(Ct);
        var start = PortalTime.StartOfDayUtc(new DateOnly(year, 1, 1));
        var end = PortalTime.StartOfDayUtc(new DateOnly(year + 1, 1, 1));
        var units = council.Members.Select(m => m.UnitId).OfType<int>().ToList();
        var reports = await db.WorkItemEvents.AsNoTracking()
            .Where(e => e.Action == WorkItemAction.ReportBack && e.AtUtc >= start && e.AtUtc < end)
            .Join(db.WorkItems.AsNoTracking(), e => e.WorkItemId, w => w.Id, (e, w) => new { w.Id, w.OwnerUnitId, w.CommunityId, e.AtUtc })
            .Where(x => x.CommunityId == council.CommunityId && x.OwnerUnitId != null && units.Contains(x.OwnerUnitId.Value))
            .ToListAsync(Ct);
        var activities = reports.Select(r => (r.Id, Unit: r.OwnerUnitId!.Value, Q: (PortalTime.ToLocal(r.AtUtc).Month - 1) / 3)).Distinct()
            .GroupBy(r => r.Unit).ToDictionary(g => g.Key, g => Enumerable.Range(0, 4).Select(q => g.Count(r => r.Q == q)).ToArray());
        return AnnualReview.Score(AnnualReview.Records(year, meetings, council.Members, topics, activities, PortalTime.Zone), rules);
    }

    [Fact]
    public async Task The_scores_are_the_domain_s_for_the_demo_council_s_year()
    {
        var council = await CouncilAsync();
        var year = ReviewTestData.YearOf(await ReviewTestData.LatestHeldMeetingAsync(Host, council.Id));

        var view = await As("secretary", s => s.GetAsync(council.Id, year, Ct));

        Assert.NotNull(view);
        var expected = await ExpectedScoresAsync(council, year, view.Rules.Rules);
        Assert.Equal(expected.Select(e => (e.UnitId, e.AttendancePoints, e.ActivityPoints, e.TopicPoints, e.Total, e.Rank)),
            view.Scores.Select(s => (s.UnitId, s.AttendancePoints, s.ActivityPoints, s.TopicPoints, s.Total, s.Rank)));
        // The demo year has held meetings with attendance: every member unit was expected and most attended.
        Assert.All(view.Scores, s => Assert.True(s.MeetingsExpected > 0));
        Assert.Contains(view.Scores, s => s.MeetingsAttended > 0 && s.AttendancePoints > 0);
        Assert.Equal(council.Members.Select(m => m.UnitId).OfType<int>().Distinct().Order(), view.Scores.Select(s => s.UnitId).Order());
        Assert.Contains(year, view.Years);
        Assert.True(view.CanManage);
        // Only years up to this one can be reviewed.
        Assert.Null(await As("secretary", s => s.GetAsync(council.Id, PortalTime.ToLocal(DateTime.UtcNow).Year + 1, Ct)));

        // A resident of the community reads the same review, without managing it.
        var residents = await As("resident", s => s.GetAsync(council.Id, year, Ct));
        Assert.NotNull(residents);
        Assert.False(residents.CanManage);
        Assert.Equal(view.Scores.Select(s => s.Total), residents.Scores.Select(s => s.Total));
    }

    [Fact]
    public async Task A_manager_s_rule_edit_adds_a_rule_set_and_changes_the_totals_and_a_stale_edit_is_refused()
    {
        var council = await CouncilAsync();
        var year = ReviewTestData.YearOf(await ReviewTestData.LatestHeldMeetingAsync(Host, council.Id)) - 1;
        var before = await As("secretary", s => s.GetAsync(council.Id, year, Ct));
        Assert.NotNull(before);
        var rowsBefore = await TestAccounts.DbAsync(Host, db => db.CouncilScoringRuleSets.CountAsync(r => r.CouncilId == council.Id && r.Year == year, Ct));

        var form = ScoringRulesForm.From(before.Rules);
        form.AttendanceMaxPoints = 70;
        form.PointsPerAdoptedTopic = 2;
        var saved = await As("secretary", s => s.SaveRulesAsync(council.Id, year, form, Ct));

        Assert.Equal(Outcome.Succeeded, saved.Outcome);
        var after = saved.Value!;
        var rules = new ScoringRules(70, before.Rules.Rules.PointsPerActivity, before.Rules.Rules.ActivityCapPerQuarter, 2, before.Rules.Rules.AdoptedTopicCap);
        Assert.Equal(rules, after.Rules.Rules);
        Assert.Equal(RuleSource.ThisYear, after.Rules.Source);
        var expected = await ExpectedScoresAsync(council, year, rules);
        Assert.Equal(expected.Select(e => (e.UnitId, e.Total, e.Rank)), after.Scores.Select(s => (s.UnitId, s.Total, s.Rank)));
        Assert.Equal(rowsBefore + 1, await TestAccounts.DbAsync(Host, db => db.CouncilScoringRuleSets.CountAsync(r => r.CouncilId == council.Id && r.Year == year, Ct)));

        // A second edit adds a row again (the newest applies); an edit made against the superseded rules is refused.
        var second = ScoringRulesForm.From(after.Rules);
        second.AttendanceMaxPoints = 50;
        Assert.Equal(Outcome.Succeeded, (await As("secretary", s => s.SaveRulesAsync(council.Id, year, second, Ct))).Outcome);
        var stale = ScoringRulesForm.From(after.Rules);
        stale.AttendanceMaxPoints = 10;
        var refused = await As("secretary", s => s.SaveRulesAsync(council.Id, year, stale, Ct));
        Assert.Equal(Outcome.Conflict, refused.Outcome);
        Assert.Contains("其他人刚刚保存", Host.TextOf(refused, ReviewFields.Form), StringComparison.Ordinal);
        var current = await As("secretary", s => s.GetAsync(council.Id, year, Ct));
        Assert.Equal(50, current!.Rules.Rules.AttendanceMaxPoints);
        Assert.Equal(2, current.Rules.EditsThisYear - before.Rules.EditsThisYear);
    }

    [Fact]
    public async Task Invalid_figures_are_refused_under_their_fields_and_nothing_is_saved()
    {
        var council = await CouncilAsync();
        var year = ReviewTestData.YearOf(await ReviewTestData.LatestHeldMeetingAsync(Host, council.Id)) - 2;
        var view = await As("secretary", s => s.GetAsync(council.Id, year, Ct));

        var form = ScoringRulesForm.From(view!.Rules);
        form.PointsPerActivity = -1;
        form.AdoptedTopicCap = 1;
        form.AttendanceMaxPoints = null;
        var empty = await As("secretary", s => s.SaveRulesAsync(council.Id, year, form, Ct));
        Assert.Equal(Outcome.Invalid, empty.Outcome);
        Assert.Equal("请填写分值。", Host.TextOf(empty, nameof(ScoringRulesForm.AttendanceMaxPoints)));

        form.AttendanceMaxPoints = 40;
        var invalid = await As("secretary", s => s.SaveRulesAsync(council.Id, year, form, Ct));
        Assert.Equal(Outcome.Invalid, invalid.Outcome);
        Assert.Equal("分值不能为负数。", Host.TextOf(invalid, nameof(ScoringRulesForm.PointsPerActivity)));
        Assert.Equal("上限不能低于单项分值。", Host.TextOf(invalid, nameof(ScoringRulesForm.AdoptedTopicCap)));
        Assert.DoesNotContain(invalid.Problems, p => p.Field == nameof(ScoringRulesForm.AttendanceMaxPoints));
        Assert.Equal(0, await TestAccounts.DbAsync(Host, db => db.CouncilScoringRuleSets.CountAsync(r => r.CouncilId == council.Id && r.Year == year, Ct)));
    }

    [Fact]
    public async Task Non_managers_and_other_communities_are_refused()
    {
        var council = await CouncilAsync();
        var year = ReviewTestData.YearOf(await ReviewTestData.LatestHeldMeetingAsync(Host, council.Id));
        var view = await As("secretary", s => s.GetAsync(council.Id, year, Ct));
        var form = ScoringRulesForm.From(view!.Rules);
        form.AttendanceMaxPoints = 99;
        var rows = await TestAccounts.DbAsync(Host, db => db.CouncilScoringRuleSets.CountAsync(r => r.CouncilId == council.Id, Ct));

        // Residents and liaisons of the community read the review but may not edit rules or carry tasks over.
        foreach (var user in new[] { "resident", "liaison", "member" })
        {
            Assert.Equal(Outcome.NotAllowed, (await As(user, s => s.SaveRulesAsync(council.Id, year, form, Ct))).Outcome);
            Assert.Equal(Outcome.NotAllowed, (await As(user, s => s.CarryOverAsync(council.Id, year, new Dictionary<int, string?>(), Ct))).Outcome);
        }
        // A resident of another community cannot even see it: refused like a council that does not exist.
        Assert.Null(await As("resident2", s => s.GetAsync(council.Id, year, Ct)));
        Assert.Equal(Outcome.NotFound, (await As("resident2", s => s.SaveRulesAsync(council.Id, year, form, Ct))).Outcome);
        Assert.Equal(Outcome.NotFound, (await As("resident2", s => s.CarryOverAsync(council.Id, year, new Dictionary<int, string?>(), Ct))).Outcome);
        Assert.Null(await As("resident", s => s.GetAsync(int.MaxValue, year, Ct)));
        // The other community's secretary (none in the demo): a secretary manages her own council only.
        var other = await CouncilAsync(1);
        Assert.Equal(Outcome.NotFound, (await As("secretary", s => s.SaveRulesAsync(other.Id, year, form, Ct))).Outcome);
        Assert.Equal(rows, await TestAccounts.DbAsync(Host, db => db.CouncilScoringRuleSets.CountAsync(r => r.CouncilId == council.Id, Ct)));

        // The export: 404 for another community, and no file for anyone signed out.
        using var resident2 = await SignedInAsync("resident2");
        using var refused = await resident2.GetAsync($"/api/councils/{council.Id}/review/{year}/scores?format=csv", Ct);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        var (anonymous, _) = PortalClient.Create(Host.BaseAddress);
        using (anonymous)
        {
            using var signedOut = await anonymous.GetAsync($"/api/councils/{council.Id}/review/{year}/scores?format=csv", Ct);
            Assert.NotEqual(HttpStatusCode.OK, signedOut.StatusCode);
            Assert.NotEqual("text/csv", signedOut.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Carry_over_needs_a_reason_for_every_open_task_and_takes_only_open_ones()
    {
        var council = await CouncilAsync();
        var meeting = await ReviewTestData.LatestHeldMeetingAsync(Host, council.Id);
        var year = ReviewTestData.YearOf(meeting);
        var owner = council.Members.First(m => m.UnitId is not null).UnitId!.Value;
        var open1 = await ReviewTestData.CouncilTaskAsync(Host, meeting, council.CommunityId!.Value, owner, "结转测试任务一");
        var open2 = await ReviewTestData.CouncilTaskAsync(Host, meeting, council.CommunityId!.Value, owner, "结转测试任务二");
        var done = await ReviewTestData.CouncilTaskAsync(Host, meeting, council.CommunityId!.Value, owner, "已销号任务", closed: true);

        var view = await As("secretary", s => s.GetAsync(council.Id, year, Ct));
        var unfinished = view!.Unfinished.Select(t => t.WorkItemId).ToList();
        Assert.Contains(open1, unfinished);
        Assert.Contains(open2, unfinished);
        Assert.DoesNotContain(done, unfinished);

        // A reason missing (or blank) for one open task: refused under that task, nothing saved.
        var reasons = unfinished.ToDictionary(id => id, id => (string?)$"资金未到位，顺延办理 {id}");
        reasons[open2] = "   ";
        var missing = await As("secretary", s => s.CarryOverAsync(council.Id, year, reasons, Ct));
        Assert.Equal(Outcome.Invalid, missing.Outcome);
        Assert.Equal("请填写结转原因（不超过 500 字）。", Host.TextOf(missing, ReviewFields.Reason(open2)));
        Assert.DoesNotContain(missing.Problems, p => p.Field == ReviewFields.Reason(open1));
        // A reason of invisible characters only is no reason either: stored, it would be empty.
        reasons[open2] = UnsafeCharacters.Only;
        var invisible = await As("secretary", s => s.CarryOverAsync(council.Id, year, reasons, Ct));
        Assert.Equal("请填写结转原因（不超过 500 字）。", Host.TextOf(invisible, ReviewFields.Reason(open2)));
        // A closed task may not be carried.
        reasons[open2] = "协调单位尚未确定";
        var withDone = new Dictionary<int, string?>(reasons) { [done] = "试图结转已销号任务" };
        var notOpen = await As("secretary", s => s.CarryOverAsync(council.Id, year, withDone, Ct));
        Assert.Equal(Outcome.Invalid, notOpen.Outcome);
        Assert.Equal("只有未完成的事项才能结转。", Host.TextOf(notOpen, ReviewFields.Reason(done)));
        Assert.False(await TestAccounts.DbAsync(Host, db => db.CarryOvers.AnyAsync(c => c.CouncilId == council.Id && c.FromYear == year, Ct)));

        var saved = await As("secretary", s => s.CarryOverAsync(council.Id, year, reasons, Ct));

        Assert.Equal(Outcome.Succeeded, saved.Outcome);
        Assert.Empty(saved.Value!.Unfinished);
        var carried = saved.Value.Carried.Single(c => c.WorkItemId == open2);
        Assert.Equal("协调单位尚未确定", carried.Reason);
        Assert.Equal("刘红梅（社区书记）", carried.DecidedByName);
        var stored = await TestAccounts.DbAsync(Host, db => db.CarryOvers.AsNoTracking().Where(c => c.CouncilId == council.Id && c.FromYear == year).ToListAsync(Ct));
        Assert.Equal(unfinished.Order(), stored.Select(c => c.WorkItemId).Order());
        // Carrying the same tasks again is refused as someone else's change; nothing is added.
        var again = await As("secretary", s => s.CarryOverAsync(council.Id, year, reasons, Ct));
        Assert.Equal(Outcome.Conflict, again.Outcome);
        Assert.Equal(stored.Count, await TestAccounts.DbAsync(Host, db => db.CarryOvers.CountAsync(c => c.CouncilId == council.Id && c.FromYear == year, Ct)));
    }

    [Fact]
    public async Task The_liaison_of_the_unit_that_raised_the_need_rates_the_project_and_nobody_else()
    {
        var council = await CouncilAsync();
        var meeting = await ReviewTestData.LatestHeldMeetingAsync(Host, council.Id);
        var year = ReviewTestData.YearOf(meeting);
        var hospital = await UnitIdAsync("东城区第二人民医院");
        var lead = council.Members.First(m => m.UnitId is not null && m.UnitId != hospital).UnitId!.Value;
        var (projectId, needId) = await ReviewTestData.RaisedProjectAsync(Host, meeting, council.CommunityId!.Value, hospital, lead, "评价测试项目");

        var liaisonView = await As("liaison", s => s.GetAsync(council.Id, year, Ct));
        Assert.NotNull(liaisonView);
        var row = liaisonView.Projects.Single(p => p.Id == projectId);
        Assert.Equal("东城区第二人民医院", row.RaisingUnitName);
        Assert.Equal(needId, Assert.Single(row.Needs).Id);
        Assert.True(row.CanRate);
        Assert.Null(row.Rating);
        var secretaryRow = (await As("secretary", s => s.GetAsync(council.Id, year, Ct)))!.Projects.Single(p => p.Id == projectId);
        Assert.False(secretaryRow.CanRate);

        // Only that unit's liaison: not the secretary, not a resident.
        Assert.Equal(Outcome.NotAllowed, (await As("secretary", s => s.RateProjectAsync(council.Id, projectId, row.Version, Satisfaction.Satisfied, null, Ct))).Outcome);
        Assert.Equal(Outcome.NotAllowed, (await As("resident", s => s.RateProjectAsync(council.Id, projectId, row.Version, Satisfaction.Satisfied, null, Ct))).Outcome);
        Assert.Equal(Outcome.NotFound, (await As("resident2", s => s.RateProjectAsync(council.Id, projectId, row.Version, Satisfaction.Satisfied, null, Ct))).Outcome);
        // No choice: refused under the rating; a stale version: refused as a conflict.
        var none = await As("liaison", s => s.RateProjectAsync(council.Id, projectId, row.Version, null, null, Ct));
        Assert.Equal("请选择评价结果。", Host.TextOf(none, ReviewFields.Rating));
        Assert.Equal(Outcome.Conflict, (await As("liaison", s => s.RateProjectAsync(council.Id, projectId, Guid.NewGuid(), Satisfaction.Satisfied, null, Ct))).Outcome);

        var rated = await As("liaison", s => s.RateProjectAsync(council.Id, projectId, row.Version, Satisfaction.FairlySatisfied, "基本达到预期", Ct));

        Assert.Equal(Outcome.Succeeded, rated.Outcome);
        await using var db = await Host.NewDbContextAsync(Ct);
        var project = await db.WorkItems.AsNoTracking().SingleAsync(w => w.Id == projectId, Ct);
        Assert.Equal(Satisfaction.FairlySatisfied, project.Rating);
        Assert.Equal(WorkItemStatus.Rated, project.Status);
        var step = await db.WorkItemEvents.AsNoTracking().SingleAsync(e => e.WorkItemId == projectId && e.Action == WorkItemAction.Rate, Ct);
        Assert.Equal("基本达到预期", step.Note);
        Assert.Equal(Satisfaction.FairlySatisfied, step.Rating);
        var after = (await As("liaison", s => s.GetAsync(council.Id, year, Ct)))!.Projects.Single(p => p.Id == projectId);
        Assert.Equal(Satisfaction.FairlySatisfied, after.Rating);
        Assert.False(after.CanRate);
    }

    [Fact]
    public async Task The_score_export_reads_back_as_csv_and_word()
    {
        var council = await CouncilAsync();
        var year = ReviewTestData.YearOf(await ReviewTestData.LatestHeldMeetingAsync(Host, council.Id));
        var view = await As("resident", s => s.GetAsync(council.Id, year, Ct));
        using var client = await SignedInAsync("resident");

        using var csv = await client.GetAsync($"/api/councils/{council.Id}/review/{year}/scores?format=csv", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith($"{year}年度成员单位评分.csv", csv.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        var records = CsvReader.Parse(Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync(Ct)));
        Assert.Equal(["排名", "成员单位", "实到/应到", "出席率", "活动（一至四季度）", "采纳议题", "出席得分", "活动得分", "议题得分", "总分"], records[0].Fields);
        var rows = records.Skip(1).ToList();
        Assert.Equal(view!.Scores.Select(s => s.UnitName), rows.Select(r => r[1]));
        Assert.Equal(view.Scores.Select(s => ReviewExport.Number(s.Total)), rows.Select(r => r[9]));
        Assert.Equal(view.Scores.Select(s => s.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r[0]));

        using var docx = await client.GetAsync($"/api/councils/{council.Id}/review/{year}/scores?format=docx", Ct);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync(Ct)), false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document, Ct).Select(e => e.Description + " @ " + e.Path?.XPath + " " + e.Node?.OuterXml));
        var body = document.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal($"{view.CouncilName} {year}年度成员单位评分表", paragraphs[0]);
        Assert.Contains(paragraphs, p => p.StartsWith("评分规则：出席满分", StringComparison.Ordinal));
        var table = body.Elements<Table>().Single().Elements<TableRow>().ToList();
        Assert.Equal(view.Scores.Count + 1, table.Count);
        Assert.Equal(view.Scores.Select(s => s.UnitName), table.Skip(1).Select(r => r.Elements<TableCell>().ElementAt(1).InnerText));

        using var badFormat = await client.GetAsync($"/api/councils/{council.Id}/review/{year}/scores?format=xlsx", Ct);
        Assert.Equal(HttpStatusCode.NotFound, badFormat.StatusCode);
    }

    private Task<HttpClient> SignedInAsync(string user) => PortalClient.SignedInAsync(Host.BaseAddress, user);
}
