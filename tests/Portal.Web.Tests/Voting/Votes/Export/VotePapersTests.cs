using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Deliberation;
using Portal.Domain.Voting;
using Portal.Testing;
using Portal.Web.Features.Voting.Votes;
using Portal.Web.Features.Voting.Votes.Export;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Accounts;
using static Portal.Web.Tests.Voting.VotingTestData;

namespace Portal.Web.Tests.Voting.Votes.Export;

/// <summary>
/// A closed vote's papers over HTTP: the 表决结果公告 (.docx) says what the vote's pages say — the stored verdict's
/// arithmetic line by line, the tallies, the rule set and its version — in Chinese whatever the reader's language; the
/// named ballots CSV; a secret vote's receipts CSV for everyone in the community and no list of its electors with choices
/// for anyone; who gets which (managers; 404 for the rest, 401 without sign-in; 409 before the close).
/// </summary>
public sealed class VotePapersTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<HttpClient> SignedInAsync(string user, string? culture = null) => PortalClient.SignedInAsync(Host.BaseAddress, user, culture);

    /// <summary>An owners' "major" vote over the resident's building: everyone but the last on paper, the first disagreeing; closed.</summary>
    private async Task<(int VoteId, List<VoteElector> Roll)> ClosedOwnersVoteAsync(string title)
    {
        var community = await CommunityAsync(Host);
        var building = await BuildingOfAsync(Host, "resident");
        var voteId = await OpenVoteAsync(Host, Form(community, new MatterScope(MatterScopeKind.Building, building), ShippedRuleSets.OwnersMajorMatters, title: title));
        var roll = await RollAsync(Host, voteId);
        for (var i = 0; i < roll.Count - 1; i++)
        {
            var choice = i == 0 ? BallotQuestion.Disagree : BallotQuestion.Agree;
            var cast = await As(Host, "secretary", s => s.CastAsync(Paper(voteId, roll[i].Id, $"{title}-{i}", choice), Ct));
            Assert.True(cast.Succeeded, Host.TextOf(cast));
        }
        await CloseAsync(voteId);
        return (voteId, roll);
    }

    private async Task CloseAsync(int voteId)
    {
        var closed = await As(Host, "secretary", async s => await s.CloseAsync(voteId, await VersionAsync(Host, voteId), Ct));
        Assert.True(closed.Succeeded, Host.TextOf(closed));
    }

    /// <summary>A secret residents' meeting vote over the resident's building, the resident online, the rest on site; closed.</summary>
    private async Task<(int VoteId, List<(string Code, int Choice)> Receipts, List<VoteElector> Roll)> ClosedSecretVoteAsync(bool close = true)
    {
        var community = await CommunityAsync(Host);
        var building = await BuildingOfAsync(Host, "resident");
        var voteId = await OpenVoteAsync(Host, Form(community, new MatterScope(MatterScopeKind.Building, building), ShippedRuleSets.ResidentsMeeting,
            Secrecy.Secret, BallotChannels.Online | BallotChannels.OnSite, title: "不记名文书测试"));
        var roll = await RollAsync(Host, voteId);
        var own = await RowOfAsync(Host, voteId, "resident");
        var receipts = new List<(string Code, int Choice)>();
        var mine = await As(Host, "resident", s => s.CastAsync(new CastCommand(voteId, BallotChannel.Online, [BallotQuestion.Agree]), Ct));
        Assert.True(mine.Succeeded, Host.TextOf(mine));
        receipts.Add((mine.Value!.ReceiptCode!, BallotQuestion.Agree));
        foreach (var (elector, i) in roll.Where(e => e.Id != own.Id).Select((e, i) => (e, i)))
        {
            var choice = i % 2 == 0 ? BallotQuestion.Disagree : BallotQuestion.Agree;
            var cast = await As(Host, "secretary", s => s.CastAsync(new CastCommand(voteId, BallotChannel.OnSite, [choice], elector.Id), Ct));
            Assert.True(cast.Succeeded, Host.TextOf(cast));
            receipts.Add((cast.Value!.ReceiptCode!, choice));
        }
        if (close) await CloseAsync(voteId);
        return (voteId, receipts, roll);
    }

    private static List<string> Paragraphs(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return [.. document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText)];
    }

    private static List<List<string>> TableRows(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return [.. document.MainDocumentPart!.Document.Body!.Descendants<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList())];
    }

    private static List<string[]> CsvRows(byte[] csv)
    {
        Assert.True(csv.AsSpan().StartsWith(Encoding.UTF8.Preamble), "CSV without the UTF-8 BOM Excel needs for Chinese");
        var text = Encoding.UTF8.GetString(csv.AsSpan(Encoding.UTF8.Preamble.Length));
        return [.. text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(','))];
    }

    [Fact]
    public async Task The_announcement_says_what_the_vote_page_says_with_each_conditions_arithmetic_in_Chinese_even_for_an_English_reader()
    {
        var title = "加装电梯公告测试";
        var (voteId, roll) = await ClosedOwnersVoteAsync(title);
        using var client = await SignedInAsync("secretary", culture: "en");

        using var response = await client.GetAsync(VotePapersEndpoints.AnnouncementPath(voteId), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith(title + "-表决结果公告-", response.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        var docx = await response.Content.ReadAsByteArrayAsync(Ct);
        using (var document = WordprocessingDocument.Open(new MemoryStream(docx), false))
            Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document, Ct));
        var paragraphs = Paragraphs(docx);
        var community = await TestAccounts.DbAsync(Host, db => db.Communities.Where(c => c.Id == db.Votes.Single(v => v.Id == voteId).CommunityId).Select(c => c.Name).SingleAsync(Ct));
        Assert.Equal("表决结果公告", paragraphs[0]);
        Assert.Contains(paragraphs, p => p.StartsWith(community + "于", StringComparison.Ordinal) && p.Contains($"就“{title}”", StringComparison.Ordinal));
        Assert.Contains($"表决规则：{ShippedRuleSets.OwnersMajorMatters.Name}（第 1 版）", paragraphs);

        // The arithmetic: exactly the lines the vote's pages show (the stored verdict through VerdictText), numbered, in order.
        var results = (await As(Host, "secretary", s => s.ResultsAsync(voteId, Ct)))!;
        var text = Host.Services.GetRequiredService<ResultText>();
        var expectedLines = results.Lines.Select((l, i) => $"{i + 1}.{text[l]}").ToList();
        Assert.Equal(4, expectedLines.Count);
        var first = paragraphs.IndexOf(expectedLines[0]);
        Assert.True(first > 0, string.Join("\n", paragraphs));
        Assert.Equal(expectedLines, paragraphs.Skip(first).Take(expectedLines.Count));
        Assert.Contains("依据上述规则，本次表决结果为：" + text[results.Plain], paragraphs);

        // Turnout by headcount and area, the tallies of every option (agree / disagree / abstain), the notice and seal lines.
        var entitledArea = roll.Sum(e => e.Area);
        Assert.Contains(paragraphs, p => p.StartsWith($"应参与表决 {roll.Count} 人，实际参与表决 {roll.Count - 1} 人", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith($"专有部分面积合计 {VoteAnnouncement.Area(entitledArea)} 平方米", StringComparison.Ordinal));
        var rows = TableRows(docx);
        Assert.Equal(["选项", "票数", "占参与人数", "面积（平方米）", "占参与面积"], rows[0]);
        Assert.Equal(["同意", (roll.Count - 2).ToString(), VoteAnnouncement.Area(roll.Skip(1).Take(roll.Count - 2).Sum(e => e.Area))], rows[1].Where((_, i) => i is 0 or 1 or 3));
        Assert.Equal(["反对", "1", VoteAnnouncement.Area(roll[0].Area)], rows[2].Where((_, i) => i is 0 or 1 or 3));
        Assert.Equal(["弃权", "0", "0.00"], rows[3].Where((_, i) => i is 0 or 1 or 3));
        Assert.Contains("本结果自公告之日起公示 7 日。公示期内对表决结果有异议的，可向社区居民委员会书面提出。", paragraphs);
        var seal = paragraphs[^1];
        Assert.StartsWith(community + "居民委员会（盖章）", seal, StringComparison.Ordinal);
        Assert.Contains("日期：", seal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_votes_managers_get_its_announcement_and_only_once_it_is_closed()
    {
        var (voteId, _) = await ClosedOwnersVoteAsync("公告权限测试");
        var path = VotePapersEndpoints.AnnouncementPath(voteId);

        using var secretary = await SignedInAsync("secretary");
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync(path, Ct)).StatusCode);
        // A resident of the community sees the vote but does not issue its papers; another community's resident sees nothing.
        foreach (var user in new[] { "resident", "resident2", "gridworker" })
        {
            using var client = await SignedInAsync(user);
            Assert.True((await client.GetAsync(path, Ct)).StatusCode == HttpStatusCode.NotFound, user);
        }
        using var anonymous = PortalClient.Create(Host.BaseAddress).Client;
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path, Ct)).StatusCode);

        var community = await CommunityAsync(Host);
        var open = await OpenVoteAsync(Host, Form(community, new MatterScope(MatterScopeKind.Community, community), ShippedRuleSets.ResidentsMeeting, title: "未结束"));
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.GetAsync(VotePapersEndpoints.AnnouncementPath(open), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync(VotePapersEndpoints.AnnouncementPath(int.MaxValue), Ct)).StatusCode);
    }

    [Fact]
    public async Task A_named_votes_ballots_are_a_CSV_with_BOM_of_elector_unit_area_channel_time_and_choice_for_its_managers()
    {
        var (voteId, roll) = await ClosedOwnersVoteAsync("记名明细测试");
        using var secretary = await SignedInAsync("secretary", culture: "en");

        using var response = await secretary.GetAsync(VotePapersEndpoints.BallotsPath(voteId), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = CsvRows(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(["选民", "房屋", "专有面积（平方米）", "投票方式", "投票时间", "选择"], rows[0]);
        Assert.Equal(roll.Count - 1, rows.Count - 1);
        var disagreeing = Assert.Single(rows, r => r[0] == roll[0].DisplayName);
        Assert.Equal((roll[0].Area.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), "纸质票", "反对"), (disagreeing[2], disagreeing[3], disagreeing[5]));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", disagreeing[4]);
        Assert.DoesNotContain(rows, r => r[0] == roll[^1].DisplayName);

        foreach (var user in new[] { "resident", "resident2" })
        {
            using var client = await SignedInAsync(user);
            Assert.True((await client.GetAsync(VotePapersEndpoints.BallotsPath(voteId), Ct)).StatusCode == HttpStatusCode.NotFound, user);
        }
    }

    [Fact]
    public async Task A_secret_votes_receipts_are_published_to_the_community_sorted_by_code_and_nobody_gets_its_electors_with_choices()
    {
        var (voteId, receipts, roll) = await ClosedSecretVoteAsync();

        // Nobody: not its secretary, not the street's administrator.
        foreach (var user in new[] { "secretary", "admin", "resident" })
        {
            using var client = await SignedInAsync(user);
            Assert.True((await client.GetAsync(VotePapersEndpoints.BallotsPath(voteId), Ct)).StatusCode == HttpStatusCode.NotFound, user);
        }

        using var resident = await SignedInAsync("resident");
        using var response = await resident.GetAsync(VotePapersEndpoints.ReceiptsPath(voteId), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        var rows = CsvRows(bytes);
        Assert.Equal(["回执码", "选择"], rows[0]);
        var expected = receipts.OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => new[] { r.Code, r.Choice == BallotQuestion.Agree ? "同意" : "反对" }).ToList();
        Assert.Equal(expected, rows.Skip(1));
        var csv = Encoding.UTF8.GetString(bytes);
        Assert.All(roll, e => Assert.DoesNotContain(e.DisplayName, csv, StringComparison.Ordinal));

        using var stranger = await SignedInAsync("resident2");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(VotePapersEndpoints.ReceiptsPath(voteId), Ct)).StatusCode);
        // A named vote has no receipts; an open secret vote none yet.
        var (named, _) = await ClosedOwnersVoteAsync("记名无回执");
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync(VotePapersEndpoints.ReceiptsPath(named), Ct)).StatusCode);
        var (open, _, _) = await ClosedSecretVoteAsync(close: false);
        Assert.Equal(HttpStatusCode.Conflict, (await resident.GetAsync(VotePapersEndpoints.ReceiptsPath(open), Ct)).StatusCode);
    }

    [Fact]
    public async Task The_announcement_of_a_secret_vote_counts_its_receipts()
    {
        var (voteId, receipts, _) = await ClosedSecretVoteAsync();
        using var secretary = await SignedInAsync("secretary");

        var rows = TableRows(await secretary.GetByteArrayAsync(VotePapersEndpoints.AnnouncementPath(voteId), Ct));

        Assert.Equal(["选项", "票数", "占参与人数"], rows[0]);
        Assert.Equal(receipts.Count(r => r.Choice == BallotQuestion.Agree).ToString(), rows[1][1]);
        Assert.Equal(receipts.Count(r => r.Choice == BallotQuestion.Disagree).ToString(), rows[2][1]);
    }
}
