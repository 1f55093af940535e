using Portal.Domain.Councils;

namespace Portal.Bench;

/// <summary>
/// The agenda the benchmark's meeting is confirmed with (eight items, sized like a real council meeting) and the change
/// it makes per message: the recorder's notes on the current item, as a real recorder types them during the meeting.
/// The benchmark's two numbers travel inside the notes ("benchIndex=…;benchStamp=…"): the message index and the
/// publisher's Stopwatch timestamp, which clients in the same process subtract from their own on arrival.
/// </summary>
public static class BenchAgenda
{
    public const string ActorName = "联席会议秘书处";

    /// <summary>Precede the message index and the stamp in the notes; clients find the numbers after them.</summary>
    public const string IndexMarker = "benchIndex=", StampMarker = "benchStamp=";

    public static readonly (string Title, int Minutes)[] Items =
    [
        ("传达学习上级党组织关于基层党建工作的最新部署", 15),
        ("审议本季度“需求清单、资源清单、项目清单”推进情况", 20),
        ("青年湖社区老旧小区加装电梯协调事项", 20),
        ("驻区单位认领“微心愿”项目进展通报", 10),
        ("社区党群服务中心场地共享使用安排", 10),
        ("下季度联合主题党日活动方案（征求意见稿）", 15),
        ("网格员队伍建设与联系服务群众制度", 10),
        ("汛期安全隐患排查分工", 10),
    ];

    /// <summary>The notes edit of message <paramref name="index"/>, based on <paramref name="revision"/>.</summary>
    public static EditItem Note(int revision, int itemNumber, int index, long stamp) => new(revision, ActorName, itemNumber,
        Notes: $"第{index + 1}次记录：各共建单位发言讨论，原则同意，会后由牵头单位细化方案并报社区党委备案。{IndexMarker}{index};{StampMarker}{stamp}");
}
