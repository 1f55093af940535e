using Portal.Domain.Councils;
using Portal.Web.Features.Councils.Topics;

namespace Portal.Components.Tests.CouncilTopics;

/// <summary>Topics and a topics page model as the topics page holds them.</summary>
internal static class TopicTestData
{
    public static readonly DateTime StartsAtUtc = new(2026, 12, 14, 6, 0, 0, DateTimeKind.Utc);

    /// <summary>A topic the reader may do nothing with (no actions: the action bar needs the topic service).</summary>
    public static TopicView Topic(int id, string title, TopicStatus status = TopicStatus.Submitted, bool mine = false, string? reason = null,
        string? mergedInto = null, int? workItemId = null, string? workItemTitle = null, string descriptionHtml = "") =>
        new(id, Guid.NewGuid(), title, descriptionHtml, 15, status, 3, "东城区第二人民医院", workItemId, workItemTitle, reason, mergedInto,
            StartsAtUtc.AddDays(-7).AddMinutes(id), mine, []);

    public static MeetingTopicsModel Model(MeetingStatus status = MeetingStatus.Scheduled, DateOnly? lastDay = null, bool open = true,
        string? requestedBy = null, DateTime? proposedAtUtc = null, string? declinedReason = null, params TopicView[] topics) =>
        new(21, Guid.NewGuid(), 4, "青年湖社区党建联席会议", "十二月联席会议", MeetingKind.Regular, status, StartsAtUtc, StartsAtUtc.AddMinutes(90),
            "社区服务中心三楼", lastDay, open, requestedBy, proposedAtUtc, declinedReason,
            new TopicPageRights(true, false, false, false, false, false), [], topics, [], []);
}
