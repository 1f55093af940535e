using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Text;
using Portal.Domain.WorkItems;
using Portal.Testing;
using Portal.Web.Data;
using Portal.Web.Features.Lists.Commitments;
using Portal.Web.Features.Lists.WorkItems;
using Portal.Web.Features.Localization;
using Portal.Web.Features.Platform;
using Portal.Web.Tests.Accounts;
using Portal.Web.Tests.Data;
using Portal.Web.Kit.Files;
using Portal.Web.Kit.Results;

namespace Portal.Web.Tests.ListsCommitments;

/// <summary>
/// Commitments (承诺践诺) through the real portal: made by a member, a liaison and the secretary, vetted, published,
/// fulfilled, assessed (a failed assessment sends it back), filed, and the ledger with its CSV and Word export — each step
/// as the demo users, with the boundaries of who may do what and who may see what.
/// </summary>
public sealed class CommitmentServiceTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<T> Items<T>(string user, Func<WorkItemService, Task<T>> action) =>
        TestAccounts.AsAsync(Host, user, s => action(s.GetRequiredService<WorkItemService>()));

    private Task<T> Commitments<T>(string user, Func<CommitmentService, Task<T>> action) =>
        TestAccounts.AsAsync(Host, user, s => action(s.GetRequiredService<CommitmentService>()));

    private Task<T> Db<T>(Func<PortalDbContext, Task<T>> query) => TestAccounts.DbAsync(Host, query);

    private Task<int> CommunityAsync(int index) =>
        Db(db => db.Communities.Where(c => c.Name == DemoDataSeeder.CommunityNames[index]).Select(c => c.Id).SingleAsync(Ct));

    private static DateOnly Today => DateOnly.FromDateTime(PortalTime.ToLocal(DateTime.UtcNow));

    private Task<WorkItem> ItemAsync(int id) => Db(db => db.WorkItems.AsNoTracking().Include(w => w.Events).ThenInclude(e => e.Attachments).SingleAsync(w => w.Id == id, Ct));

    private async Task<Guid> VersionAsync(int id) => (await ItemAsync(id)).Version;

    private async Task Ok(Task<Result> action)
    {
        var result = await action;
        Assert.True(result.Succeeded, $"{result.Outcome}: {Host.TextOf(result)}");
    }

    private async Task<string> OtherSecretaryAsync() =>
        (await TestAccounts.CreateAsync(Host, "sec2", new ScopedRole(PortalRole.CommunitySecretary, ScopeKind.Community, await CommunityAsync(1)))).UserName!;

    /// <summary>
    /// An annual commitment promised a month ahead, kept in this year while there is a day left in it: in December a month
    /// ahead is next year, whose five member slots the quota test fills.
    /// </summary>
    private static MakeCommitmentForm Form(string makerKey, string title, DateOnly? promised = null)
    {
        var monthAhead = Today.AddDays(30);
        var date = promised ?? (monthAhead.Year == Today.Year || Today.Day == 31 ? monthAhead : new DateOnly(Today.Year, 12, 31));
        return new MakeCommitmentForm
        {
            MakerKey = makerKey, Title = title, Description = "每月**第一个周六**上门", Category = WorkItemCategories.ElderlyCare,
            Type = CommitmentType.Annual, Year = date.Year, PromisedDate = date,
        };
    }

    private async Task<CommitmentMaker> MakerAsync(string user, CommitmentMakerKind kind, Func<CommitmentMaker, bool>? where = null) =>
        (await Commitments(user, s => s.MakersAsync(Ct))).First(m => m.Kind == kind && (where?.Invoke(m) ?? true));

    private async Task<int> MakeAsync(string user, MakeCommitmentForm form)
    {
        var result = await Commitments(user, s => s.MakeAsync(form, Ct));
        Assert.True(result.Succeeded, Host.TextOf(result));
        return result.Id;
    }

    private async Task<bool> ListedAsync(string user, int id)
    {
        var title = (await ItemAsync(id)).Title;
        return (await Commitments(user, s => s.ListCommitmentsAsync(new CommitmentQuery { Search = title, Take = 100 }, Ct))).Items.Any(r => r.Id == id);
    }

    [Fact]
    public async Task A_member_commitment_goes_from_vetting_to_the_ledger_with_a_failed_assessment_sending_it_back()
    {
        var otherSecretary = await OtherSecretaryAsync();
        // A resident may not make one.
        Assert.Empty(await Commitments("resident", s => s.MakersAsync(Ct)));
        Assert.Equal(Outcome.NotAllowed, (await Commitments("resident", s => s.MakeAsync(Form("m:1:1", "居民不能承诺"), Ct))).Outcome);

        var maker = await MakerAsync("member", CommitmentMakerKind.Member);
        var memberPerson = (await TestAccounts.FindAsync(Host, "member")).PersonId;
        var id = await MakeAsync("member", Form(maker.Key, "每月为独居老人上门服务一次"));
        var made = await ItemAsync(id);
        Assert.Equal((WorkItemKind.Commitment, WorkItemStatus.Raised, false), (made.Kind, made.Status, made.IsPublic));
        Assert.Equal(memberPerson, made.OwnerPersonId);
        Assert.Equal(maker.PartyOrganizationId, made.Commitment!.PartyOrganizationId);
        Assert.Equal(await Db(db => db.People.Where(p => p.Id == memberPerson).Select(p => p.HomePartyOrganizationId).SingleAsync(Ct)), made.Commitment!.PartyOrganizationId);

        // Unpublished: the member and the managers only.
        foreach (var user in new[] { "member", "secretary", "admin" }) Assert.True(await ListedAsync(user, id), user);
        foreach (var user in new[] { "resident", "liaison", "gridworker", "resident2", otherSecretary })
        {
            Assert.Null(await Items(user, s => s.GetAsync(id, Ct)));
            Assert.False(await ListedAsync(user, id), user);
        }

        // 审核: the secretary vets it; the member cannot vet or publish.
        Assert.Equal(Outcome.NotAllowed, (await Items("member", async s => await s.TriageAsync(id, await VersionAsync(id), true, false, ct: Ct))).Outcome);
        await Ok(Items("secretary", async s => await s.TriageAsync(id, await VersionAsync(id), true, false, "同意", Ct)));
        Assert.False((await ItemAsync(id)).IsPublic);
        Assert.False(await ListedAsync("resident", id));
        Assert.Equal(Outcome.NotAllowed, (await Items("member", async s => await s.PublishCommitmentAsync(id, await VersionAsync(id), ct: Ct))).Outcome);
        // A commitment is not dispatched to a unit like a need.
        var hospital = await Db(db => db.Units.Where(u => u.Name == "东城区第二人民医院").Select(u => u.Id).SingleAsync(Ct));
        Assert.Equal(Outcome.Invalid, (await Items("secretary", async s => await s.DispatchAsync(id, await VersionAsync(id), hospital, Urgency.General, ct: Ct))).Outcome);

        // 公示: public for the community, due at the promised date, still the member's.
        await Ok(Items("secretary", async s => await s.PublishCommitmentAsync(id, await VersionAsync(id), "公示", Ct)));
        var published = await ItemAsync(id);
        Assert.Equal((WorkItemStatus.Dispatched, true, memberPerson), (published.Status, published.IsPublic, published.OwnerPersonId));
        Assert.Equal(made.DueAtUtc, published.DueAtUtc);
        foreach (var user in new[] { "resident", "liaison", "gridworker" }) Assert.True(await ListedAsync(user, id), user);
        foreach (var user in new[] { "resident2", otherSecretary }) Assert.False(await ListedAsync(user, id), user);
        // Residents see the commitment, not the member's name.
        var residentRow = (await Commitments("resident", s => s.ListCommitmentsAsync(new CommitmentQuery { Search = "独居老人上门", Take = 100 }, Ct))).Items.Single(r => r.Id == id);
        Assert.True(residentRow.ByMember);
        Assert.Null(residentRow.MemberName);
        Assert.NotNull((await Commitments("secretary", s => s.ListCommitmentsAsync(new CommitmentQuery { Search = "独居老人上门", Take = 100 }, Ct))).Items.Single(r => r.Id == id).MemberName);
        Assert.Empty((await Items("resident", s => s.GetAsync(id, Ct)))!.AllowedActions);

        // 践诺: the member accepts, reports progress with evidence and reports it fulfilled; the liaison may not.
        Assert.Equal(Outcome.NotAllowed, (await Items("liaison", async s => await s.AcceptAsync(id, await VersionAsync(id), ct: Ct))).Outcome);
        await Ok(Items("member", async s => await s.AcceptAsync(id, await VersionAsync(id), ct: Ct)));
        await Ok(Items("member", async s => await s.AddProgressAsync(id, await VersionAsync(id), "已上门两次", [new AttachmentUpload("签到表.png", Png)], Ct)));
        await Ok(Items("member", async s => await s.ReportBackAsync(id, await VersionAsync(id), "全年服务已完成", ct: Ct)));
        Assert.Equal(WorkItemStatus.Reported, (await ItemAsync(id)).Status);

        // 评诺: only the secretary, only with three valid scores; not filed before it is assessed.
        Assert.Equal(Outcome.NotAllowed, (await Items("secretary", async s => await s.CloseAsync(id, await VersionAsync(id), ct: Ct))).Outcome);
        Assert.NotEqual(Outcome.Succeeded, (await Items("resident", async s => await s.AssessCommitmentAsync(id, await VersionAsync(id), 90, 90, 90, ct: Ct))).Outcome);
        Assert.NotEqual(Outcome.Succeeded, (await Items("member", async s => await s.AssessCommitmentAsync(id, await VersionAsync(id), 90, 90, 90, ct: Ct))).Outcome);
        Assert.Equal(Outcome.Invalid, (await Items("secretary", async s => await s.RateAsync(id, await VersionAsync(id), Satisfaction.Satisfied, ct: Ct))).Outcome);
        var invalid = await Items("secretary", async s => await s.AssessCommitmentAsync(id, await VersionAsync(id), null, 120, 80, ct: Ct));
        Assert.Equal(Outcome.Invalid, invalid.Outcome);
        Assert.Equal("请填写评分。", Host.TextOf(invalid, CommitmentRules.MemberScoreField));
        Assert.Equal("评分须在 0 到 100 之间。", Host.TextOf(invalid, CommitmentRules.ResidentScoreField));
        var unchanged = await ItemAsync(id);
        Assert.Equal((WorkItemStatus.Reported, (decimal?)null), (unchanged.Status, unchanged.Commitment!.MemberScore));

        // A failing assessment (50·0.3 + 55·0.4 + 60·0.3 = 55) sends it back to fulfilment with its scores kept.
        await Ok(Items("secretary", async s => await s.AssessCommitmentAsync(id, await VersionAsync(id), 50, 55, 60, "效果不明显", Ct)));
        var failed = await ItemAsync(id);
        Assert.Equal((WorkItemStatus.InProgress, Satisfaction.NotSatisfied, 1), (failed.Status, failed.Rating, failed.ReopenCount));
        Assert.Equal((50m, 55m, 60m), (failed.Commitment!.MemberScore!.Value, failed.Commitment!.ResidentScore!.Value, failed.Commitment!.OrganizationScore!.Value));
        Assert.Contains("综合得分 55", failed.Events.OrderBy(e => e.Id).Last().Note);

        await Ok(Items("member", async s => await s.ReportBackAsync(id, await VersionAsync(id), "补充开展了三次**入户**服务", [new AttachmentUpload("照片.png", Png)], Ct)));
        // 90·0.3 + 85·0.4 + 80·0.3 = 85: good.
        await Ok(Items("secretary", async s => await s.AssessCommitmentAsync(id, await VersionAsync(id), 90, 85, 80, ct: Ct)));
        var passed = await ItemAsync(id);
        Assert.Equal((WorkItemStatus.Rated, Satisfaction.Satisfied, 85.0m), (passed.Status, passed.Rating, CommitmentRules.TotalOf(passed)));
        var facts = await Items("resident", s => s.GetCommitmentAsync(id, Ct));
        Assert.Equal((85.0m, CommitmentGrade.Good, (string?)null), (facts!.Total, facts.Grade, facts.MemberName));

        // 归档.
        Assert.Equal(Outcome.NotAllowed, (await Items("member", async s => await s.CloseAsync(id, await VersionAsync(id), ct: Ct))).Outcome);
        await Ok(Items("secretary", async s => await s.CloseAsync(id, await VersionAsync(id), "归档", Ct)));
        Assert.Equal(WorkItemStatus.Closed, (await ItemAsync(id)).Status);

        // The ledger of the member's branch holds it with the scores, the last report as plain text and both evidence files.
        var ledger = await Commitments("secretary", s => s.LedgerAsync(maker.PartyOrganizationId, passed.Commitment!.Year, Ct));
        Assert.Equal(Outcome.Succeeded, ledger.Outcome);
        var row = ledger.Value!.Rows.Single(r => r.Id == id);
        Assert.Equal(("每月为独居老人上门服务一次", WorkItemStatus.Closed, 2), (row.Title, row.Status, row.EvidenceCount));
        Assert.Equal("补充开展了三次入户服务", row.Fulfilment);
        Assert.Equal((90m, 85m, 80m, 85.0m, CommitmentGrade.Good), (row.MemberScore!.Value, row.ResidentScore!.Value, row.OrganizationScore!.Value, row.Total!.Value, row.Grade!.Value));
        Assert.Equal(await Db(db => db.People.Where(p => p.Id == memberPerson).Select(p => p.Name).SingleAsync(Ct)), row.Subject);
    }

    [Fact]
    public async Task A_liaison_makes_commitments_for_their_own_unit_only_and_fulfils_them()
    {
        var hospital = await Db(db => db.Units.Where(u => u.Name == "东城区第二人民医院").Select(u => new { u.Id, Org = u.PartyOrganizationId!.Value }).SingleAsync(Ct));
        var school = await Db(db => db.Units.Where(u => u.Name == "和平里第四小学").Select(u => new { u.Id, Org = u.PartyOrganizationId!.Value }).SingleAsync(Ct));
        var community = await CommunityAsync(0);
        var makers = await Commitments("liaison", s => s.MakersAsync(Ct));
        Assert.All(makers, m => Assert.Equal((CommitmentMakerKind.Organization, hospital.Org, hospital.Id), (m.Kind, m.PartyOrganizationId, m.OwnerUnitId)));

        var refused = await Commitments("liaison", s => s.MakeAsync(Form($"o:{school.Org}:{community}", "替别的单位承诺"), Ct));
        Assert.Equal(Outcome.Invalid, refused.Outcome);
        Assert.NotNull(refused.MessageOf(CommitmentFields.Maker));
        Assert.False(await Db(db => db.WorkItems.AnyAsync(w => w.Title == "替别的单位承诺", Ct)));

        var id = await MakeAsync("liaison", Form(makers[0].Key, "每季度举办一次健康义诊"));
        Assert.Equal(hospital.Id, (await ItemAsync(id)).OwnerUnitId);
        await Ok(Items("secretary", async s => await s.TriageAsync(id, await VersionAsync(id), true, false, ct: Ct)));
        await Ok(Items("secretary", async s => await s.PublishCommitmentAsync(id, await VersionAsync(id), ct: Ct)));
        Assert.Equal(Outcome.NotAllowed, (await Items("member", async s => await s.AcceptAsync(id, await VersionAsync(id), ct: Ct))).Outcome);
        await Ok(Items("liaison", async s => await s.AcceptAsync(id, await VersionAsync(id), ct: Ct)));
        Assert.Equal(WorkItemStatus.InProgress, (await ItemAsync(id)).Status);

        // The secretary makes one for the community's own committee and acts as its committer.
        var own = await MakerAsync("secretary", CommitmentMakerKind.Organization, m => m.OwnerUnitId is null);
        var ownId = await MakeAsync("secretary", Form(own.Key, "社区党委每月开展一次主题党日"));
        await Ok(Items("secretary", async s => await s.TriageAsync(ownId, await VersionAsync(ownId), true, false, ct: Ct)));
        await Ok(Items("secretary", async s => await s.PublishCommitmentAsync(ownId, await VersionAsync(ownId), ct: Ct)));
        await Ok(Items("secretary", async s => await s.AcceptAsync(ownId, await VersionAsync(ownId), ct: Ct)));

        // The liaison's ledger is their unit's organisation only.
        Assert.Equal([hospital.Org], (await Commitments("liaison", s => s.LedgerOrganizationsAsync(Ct))).Select(o => o.Id));
        Assert.Equal(Outcome.NotAllowed, (await Commitments("liaison", s => s.LedgerAsync(own.PartyOrganizationId, Today.Year, Ct))).Outcome);
    }

    [Fact]
    public async Task A_member_cannot_make_a_sixth_annual_commitment_for_a_year_and_rejected_ones_do_not_count()
    {
        var maker = await MakerAsync("member", CommitmentMakerKind.Member);
        var year = Today.Year + 1;
        var promised = new DateOnly(year, 6, 30);
        // Fill the year's remaining slots (other tests of this class may have used some).
        var person = (await TestAccounts.FindAsync(Host, "member")).PersonId;
        var used = await Db(db => db.WorkItems.CountAsync(w => w.Kind == WorkItemKind.Commitment && w.OwnerPersonId == person
            && w.Commitment!.Type == CommitmentType.Annual && w.Commitment!.Year == year && w.Status != WorkItemStatus.Rejected, Ct));
        var ids = new List<int>();
        for (var i = used + 1; i <= CommitmentRules.MemberAnnualMax; i++)
            ids.Add(await MakeAsync("member", Form(maker.Key, $"明年承诺 {i}", promised)));
        Assert.NotEmpty(ids);

        var sixth = await Commitments("member", s => s.MakeAsync(Form(maker.Key, "明年承诺 6", promised), Ct));
        Assert.Equal(Outcome.Invalid, sixth.Outcome);
        Assert.Equal($"每名党员每年最多作出 5 项年度承诺，你在 {year} 年已有 5 项（未通过审核的不计）。", Host.TextOf(sixth));
        Assert.False(await Db(db => db.WorkItems.AnyAsync(w => w.Title == "明年承诺 6", Ct)));
        // An ad hoc one is not limited.
        var adHoc = Form(maker.Key, "临时承诺");
        adHoc.Type = CommitmentType.AdHoc;
        await MakeAsync("member", adHoc);

        await Ok(Items("secretary", async s => await s.RejectAsync(ids[0], await VersionAsync(ids[0]), "内容过于笼统", Ct)));
        await MakeAsync("member", Form(maker.Key, "明年承诺 6", promised));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_localized_messages_and_nothing_is_saved()
    {
        var maker = await MakerAsync("member", CommitmentMakerKind.Member);
        var before = await Db(db => db.WorkItems.CountAsync(Ct));

        var empty = await Commitments("member", s => s.MakeAsync(new MakeCommitmentForm { MakerKey = maker.Key, Title = " ", Type = CommitmentType.Annual, Year = Today.Year }, Ct));
        Assert.Equal("请填写承诺事项。", Host.TextOf(empty, CommitmentFields.Title));
        Assert.Equal("请选择类别。", Host.TextOf(empty, CommitmentFields.Category));
        Assert.Equal("请填写承诺完成时限。", Host.TextOf(empty, CommitmentFields.PromisedDate));

        var past = await Commitments("member", s => s.MakeAsync(Form(maker.Key, "过去的时限", Today), Ct));
        Assert.Equal("承诺完成时限须晚于今天。", Host.TextOf(past, CommitmentFields.PromisedDate));

        var farYear = Form(maker.Key, "后年的承诺", new DateOnly(Today.Year + 2, 3, 1));
        Assert.Equal($"年度承诺只能是 {Today.Year} 年或 {Today.Year + 1} 年的。", Host.TextOf((await Commitments("member", s => s.MakeAsync(farYear, Ct))), CommitmentFields.Year));

        var outside = Form(maker.Key, "跨年的承诺", new DateOnly(Today.Year + 1, 2, 1));
        outside.Year = Today.Year;
        Assert.Equal($"年度承诺的完成时限须在 {Today.Year} 年内。", Host.TextOf((await Commitments("member", s => s.MakeAsync(outside, Ct))), CommitmentFields.PromisedDate));

        Assert.Equal(before, await Db(db => db.WorkItems.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_commitment_of_only_invisible_characters_is_refused_as_missing_and_nothing_is_saved()
    {
        var maker = await MakerAsync("member", CommitmentMakerKind.Member);
        var before = await Db(db => db.WorkItems.CountAsync(Ct));
        var form = Form(maker.Key, UnsafeCharacters.Only);
        form.Description = UnsafeCharacters.Only;

        var result = await Commitments("member", s => s.MakeAsync(form, Ct));

        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Equal("请填写承诺事项。", Host.TextOf(result, CommitmentFields.Title));
        Assert.Equal(before, await Db(db => db.WorkItems.CountAsync(Ct)));
    }

    [Fact]
    public async Task Publishing_is_refused_once_the_promised_date_has_passed()
    {
        var maker = await MakerAsync("member", CommitmentMakerKind.Member);
        var id = await MakeAsync("member", Form(maker.Key, "已过时限的承诺"));
        await Ok(Items("secretary", async s => await s.TriageAsync(id, await VersionAsync(id), true, false, ct: Ct)));
        await Db(db => db.WorkItems.Where(w => w.Id == id).ExecuteUpdateAsync(u => u.SetProperty(w => w.DueAtUtc, DateTime.UtcNow.AddDays(-1)), Ct));

        var result = await Items("secretary", async s => await s.PublishCommitmentAsync(id, await VersionAsync(id), ct: Ct));
        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Equal((WorkItemStatus.Triaged, false), ((await ItemAsync(id)).Status, (await ItemAsync(id)).IsPublic));
    }

    [Fact]
    public async Task The_ledger_and_its_export_are_for_managers_and_the_organisations_liaison_only_and_read_back_with_the_rows_and_scores()
    {
        var year = Today.Year;
        var committee = await Db(db => db.PartyOrganizations.Where(o => o.Name == DemoDataSeeder.CommunityNames[0] + "党委").Select(o => o.Id).SingleAsync(Ct));
        var otherSecretary = await OtherSecretaryAsync();
        foreach (var user in new[] { "resident", "member", "gridworker", "liaison", otherSecretary })
        {
            Assert.Equal(Outcome.NotAllowed, (await Commitments(user, s => s.LedgerAsync(committee, year, Ct))).Outcome);
            Assert.DoesNotContain(await Commitments(user, s => s.LedgerOrganizationsAsync(Ct)), o => o.Id == committee);
        }
        Assert.Equal(Outcome.NotFound, (await Commitments("secretary", s => s.LedgerAsync(int.MaxValue, year, Ct))).Outcome);
        var ledger = (await Commitments("secretary", s => s.LedgerAsync(committee, year, Ct))).Value!;
        // The demo committee reaches its ten commitments this year.
        Assert.True(ledger.Rows.Count >= CommitmentRules.OrganizationAnnualMin, $"{ledger.Rows.Count} rows");
        Assert.Equal(ledger.Rows.Count, ledger.Summary.Total);
        var assessed = ledger.Rows.First(r => r.Total is not null);

        var url = $"/api/lists/commitments/ledger/export?org={committee}&year={year}&format=";
        var (anonymous, _) = PortalClient.Create(Host.BaseAddress);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url + "csv", Ct)).StatusCode);
        foreach (var user in new[] { "resident", otherSecretary })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await SignedInAsync(user)).GetAsync(url + "csv", Ct)).StatusCode);
        var secretary = await SignedInAsync("secretary");
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/lists/commitments/ledger/export?org={int.MaxValue}&year={year}&format=csv", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync(url + "xls", Ct)).StatusCode);

        // The page says the same: no ledger for a resident, the other community's secretary is refused this one.
        var residentPage = await (await SignedInAsync("resident")).GetStringAsync($"/lists/commitments/ledger?org={committee}&year={year}", Ct);
        // (The page's first HTML carries the ledger's figures; its rows come a page at a time through the grid, proven in
        // LedgerServiceTests and the browser test.)
        Assert.Contains("data-testid=\"ledger-not-allowed\"", residentPage);
        Assert.DoesNotContain("data-testid=\"ledger-summary\"", residentPage);
        var otherPage = await (await SignedInAsync(otherSecretary)).GetStringAsync($"/lists/commitments/ledger?org={committee}&year={year}", Ct);
        Assert.Contains("data-testid=\"ledger-refused\"", otherPage);
        Assert.DoesNotContain("data-testid=\"ledger-summary\"", otherPage);
        Assert.Matches($"data-testid=\"ledger-total\"[^>]*>{ledger.Summary.Total}<", await secretary.GetStringAsync($"/lists/commitments/ledger?org={committee}&year={year}", Ct));

        var csv = await secretary.GetAsync(url + "csv", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var records = CsvReader.Parse(Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync(Ct)));
        Assert.Equal(["序号", "承诺主体", "类型", "承诺内容", "承诺时限", "状态", "践诺情况", "佐证材料", "党员评分", "群众评分", "组织评分", "综合得分", "等次"], records[0].Fields);
        Assert.Equal(ledger.Rows.Count + 1, records.Count);
        var csvRow = records.Single(r => r[3] == assessed.Title && r[0] == assessed.Number.ToString());
        Assert.Equal([Score(assessed.MemberScore), Score(assessed.ResidentScore), Score(assessed.OrganizationScore), Score(assessed.Total)], csvRow.Fields.Skip(8).Take(4));

        var docx = await secretary.GetAsync(url + "docx", Ct);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync(Ct)), false);
        var body = document.MainDocumentPart!.Document.Body!;
        Assert.Contains(body.Elements<Paragraph>(), p => p.InnerText == $"{DemoDataSeeder.CommunityNames[0]}党委{year}年度承诺践诺台账");
        var tableRows = body.Descendants<Table>().First().Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal("序号", tableRows[0][0]);
        Assert.Equal(ledger.Rows.Count + 1, tableRows.Count);
        var wordRow = tableRows.Single(r => r[0] == assessed.Number.ToString());
        Assert.Equal((assessed.Title, Score(assessed.Total)), (wordRow[3], wordRow[11]));
    }

    [Fact]
    public async Task The_demo_commitments_follow_the_decided_path()
    {
        var commitments = await Db(db => db.WorkItems.AsNoTracking().Include(w => w.Events).Where(w => w.Kind == WorkItemKind.Commitment).ToListAsync(Ct));
        // The demo's and any this class made: all follow the same path.
        var demo = commitments;
        Assert.All(demo, w => Assert.True(w.Commitment is { PartyOrganizationId: not null, Year: > 0 }, w.Title));
        foreach (var w in demo)
        {
            // Replays through the workflow in the decided order; published ones are public and published once vetted.
            var status = WorkItemStatus.Raised;
            foreach (var e in w.Events.OrderBy(e => e.AtUtc).ThenBy(e => e.Id))
            {
                Assert.DoesNotContain(e.Action, new[] { WorkItemAction.Claim, WorkItemAction.Decline });
                var step = WorkItemWorkflow.Apply(status, e.Action, e.Rating);
                Assert.True(step.Allowed, $"{w.Title}: {e.Action} from {status}");
                status = step.Status;
            }
            Assert.Equal(status, w.Status);
            Assert.Equal(w.Status is not (WorkItemStatus.Raised or WorkItemStatus.Triaged or WorkItemStatus.Rejected), w.IsPublic);
            if (w.Status is WorkItemStatus.Rated or WorkItemStatus.Closed)
                Assert.Equal(CommitmentRules.Assess(w.Commitment!.MemberScore, w.Commitment!.ResidentScore, w.Commitment!.OrganizationScore).Satisfaction, w.Rating);
        }
        var now = DateTime.UtcNow;
        Assert.Contains(demo, w => w.Status == WorkItemStatus.Raised);
        Assert.Contains(demo, w => w.Status == WorkItemStatus.Reported);
        Assert.Contains(demo, w => w.Status == WorkItemStatus.InProgress && w.DueAtUtc < now);
        Assert.Contains(demo, w => w.Status == WorkItemStatus.Closed);
        var year = Today.Year;
        Assert.Contains(demo.Where(w => w.Commitment!.Year == year && w.OwnerPersonId == null && w.Status != WorkItemStatus.Rejected)
            .GroupBy(w => w.Commitment!.PartyOrganizationId), g => g.Count() >= CommitmentRules.OrganizationAnnualMin);
    }

    private static string Score(decimal? value) => value?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private Task<HttpClient> SignedInAsync(string user) => PortalClient.SignedInAsync(Host.BaseAddress, user);
}
