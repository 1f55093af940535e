using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Councils;
using Portal.Testing;
using Portal.Web.Data;
using Portal.Web.Features.Councils.Review;
using Portal.Web.Features.Platform;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Accounts;

namespace Portal.Web.Tests.CouncilReview;

/// <summary>
/// Two managers carrying the same task at the same instant: the second one's check before the save cannot see the first
/// one's rows yet, so the check inside the save's transaction refuses it. Its own host, as it carries the demo council's
/// tasks of a year (which the other review tests expect still open).
/// </summary>
public sealed class CarryOverRaceTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task A_task_carried_by_another_manager_between_the_check_and_the_save_is_refused_there_and_nothing_is_added()
    {
        var council = await TestAccounts.DbAsync(Host, db => db.Councils.AsNoTracking().Include(c => c.Members)
            .SingleAsync(c => c.CommunityId == db.Communities.Single(x => x.Name == DemoDataSeeder.CommunityNames[0]).Id, Ct));
        var meeting = await ReviewTestData.LatestHeldMeetingAsync(Host, council.Id);
        var year = ReviewTestData.YearOf(meeting);
        var owner = council.Members.First(m => m.UnitId is not null).UnitId!.Value;
        var task = await ReviewTestData.CouncilTaskAsync(Host, meeting, council.CommunityId!.Value, owner, "并发结转任务");
        var view = await TestAccounts.AsAsync(Host, "secretary", s => s.GetRequiredService<ReviewService>().GetAsync(council.Id, year, Ct));
        var reasons = view!.Unfinished.ToDictionary(t => t.WorkItemId, t => (string?)$"资金未到位，顺延办理 {t.WorkItemId}");
        Assert.Contains(task, reasons.Keys);

        // The other manager's carry of the task is committed after this one's check and before its save: the rows are made
        // from the reasons last of all in the command's rule, so that is where the other save is slipped in.
        await using var other = await Host.NewDbContextAsync(Ct);
        other.CarryOvers.Add(new CarryOver { CouncilId = council.Id, WorkItemId = task, FromYear = year, Reason = "另一位管理者先结转" });
        var meanwhile = new SavedWhenRowsAreMade(reasons, () => other.SaveChanges());
        var result = await TestAccounts.AsAsync(Host, "secretary", s => s.GetRequiredService<ReviewService>().CarryOverAsync(council.Id, year, meanwhile, Ct));
        Assert.True(meanwhile.Saved);

        Assert.Equal(Outcome.Conflict, result.Outcome);
        Assert.Equal("其他人刚刚结转了其中的事项，您的提交未保存。已显示最新情况并保留您填写的原因，请核对后再次提交。", Host.TextOf(result));
        var stored = await TestAccounts.DbAsync(Host, db => db.CarryOvers.AsNoTracking().Where(c => c.CouncilId == council.Id && c.FromYear == year)
            .Select(c => c.Reason).ToListAsync(Ct));
        Assert.Equal(["另一位管理者先结转"], stored);
    }

    /// <summary>The reasons as given; the first time the rows are made of them (enumerated whole), <paramref name="save"/> runs once.</summary>
    private sealed class SavedWhenRowsAreMade(Dictionary<int, string?> reasons, Action save) : IReadOnlyDictionary<int, string?>
    {
        public bool Saved { get; private set; }
        public IEnumerator<KeyValuePair<int, string?>> GetEnumerator()
        {
            if (!Saved)
            {
                save();
                Saved = true;
            }
            return reasons.GetEnumerator();
        }
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        public int Count => reasons.Count;
        public bool ContainsKey(int key) => reasons.ContainsKey(key);
        public bool TryGetValue(int key, out string? value) => reasons.TryGetValue(key, out value);
        public string? this[int key] => reasons[key];
        public IEnumerable<int> Keys => reasons.Keys;
        public IEnumerable<string?> Values => reasons.Values;
    }
}
