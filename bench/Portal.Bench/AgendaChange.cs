using System.Text.Json.Serialization;

namespace Portal.Bench;

/// <summary>
/// What a live agenda change will carry: the whole agenda after the change, so a client redraws without asking the
/// server again. Sized like a real council meeting (eight items with Chinese titles). <see cref="BenchStamp"/> is the
/// publisher's Stopwatch timestamp; clients in the same process subtract it from their own on arrival.
/// </summary>
public sealed record AgendaChange(
    [property: JsonPropertyName("benchIndex")] int BenchIndex,
    [property: JsonPropertyName("benchStamp")] long BenchStamp,
    int MeetingId,
    long Version,
    string Kind,
    int? CurrentItemId,
    string ChangedBy,
    IReadOnlyList<AgendaItem> Items)
{
    private static readonly string[] Titles =
    [
        "传达学习上级党组织关于基层党建工作的最新部署",
        "审议本季度“需求清单、资源清单、项目清单”推进情况",
        "青年湖社区老旧小区加装电梯协调事项",
        "驻区单位认领“微心愿”项目进展通报",
        "社区党群服务中心场地共享使用安排",
        "下季度联合主题党日活动方案（征求意见稿）",
        "网格员队伍建设与联系服务群众制度",
        "临时动议：汛期安全隐患排查分工",
    ];

    private static readonly string[] Units = ["青年湖社区党委", "安德里社区党委", "区税务局机关党委", "市第三中学党支部", "区医院党委", "街道城管执法队党支部"];

    public static AgendaChange Create(int index, long stamp)
    {
        var items = Titles.Select((title, i) => new AgendaItem(
            Id: 1000 + i,
            Order: (i + index) % Titles.Length + 1,
            Title: title,
            ProposerUnit: Units[i % Units.Length],
            Status: i < index % Titles.Length ? "done" : i == index % Titles.Length ? "current" : "pending",
            TimeboxMinutes: 10 + 5 * (i % 3),
            StartedAtUtc: i <= index % Titles.Length ? new DateTime(2026, 11, 23, 6, 30 + i, 0, DateTimeKind.Utc) : null,
            Outcome: i < index % Titles.Length ? "原则通过，会后由牵头单位细化方案并报社区党委备案。" : null)).ToList();
        return new AgendaChange(index, stamp, 42, 100 + index, "itemReordered", 1000 + index % Titles.Length, "联席会议秘书处", items);
    }
}

public sealed record AgendaItem(
    int Id, int Order, string Title, string ProposerUnit, string Status, int TimeboxMinutes, DateTime? StartedAtUtc, string? Outcome);
