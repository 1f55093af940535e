using Portal.Domain.Councils;
using Portal.Domain.WorkItems;

namespace Portal.Web.Features.Councils.Topics;

/// <summary>A member unit the caller may act for (submit a topic, request a meeting).</summary>
public sealed record UnitOption(int Id, string Name);

/// <summary>A need or project of the three lists that the caller can see and may link a topic to.</summary>
public sealed record LinkOption(int Id, WorkItemKind Kind, string Title);

/// <summary>A later meeting a deferred topic may be resubmitted for.</summary>
public sealed record MeetingOption(int Id, string Title, DateTime StartsAtUtc);

/// <summary>One topic as the topics page shows it; <see cref="Actions"/> are those the caller may take now.</summary>
public sealed record TopicView(
    int Id,
    Guid Version,
    string Title,
    string DescriptionHtml,
    int ProposedMinutes,
    TopicStatus Status,
    int ProposerUnitId,
    string ProposerUnitName,
    int? WorkItemId,
    string? WorkItemTitle,
    string? ScreeningReason,
    string? MergedIntoTitle,
    DateTime SubmittedAtUtc,
    bool IsMine,
    IReadOnlyList<TopicAction> Actions);

/// <summary>A line of the confirmed agenda as stored on the meeting.</summary>
public sealed record AgendaLineView(int Number, string Title, int TimeBoxMinutes, int? TopicId);

/// <summary>What the caller may do on a meeting's topics page (from <see cref="CouncilAccess"/>).</summary>
public sealed record TopicPageRights(bool CanSeeTopics, bool CanSubmit, bool CanScreen, bool CanConfirmAgenda, bool CanReopenAgenda, bool CanDecideRequest);

/// <summary>Everything the topics page (/councils/meetings/{id}/topics) shows.</summary>
public sealed record MeetingTopicsModel(
    int MeetingId,
    Guid MeetingVersion,
    int CouncilId,
    string CouncilName,
    string Title,
    MeetingKind Kind,
    MeetingStatus Status,
    DateTime StartsAtUtc,
    DateTime EndsAtUtc,
    string? Location,
    DateOnly? LastSubmissionDay,
    bool CollectionOpen,
    string? RequestedByUnitName,
    DateTime? ProposedStartsAtUtc,
    string? DecisionReason,
    TopicPageRights Rights,
    IReadOnlyList<UnitOption> SubmitUnits,
    IReadOnlyList<TopicView> Topics,
    IReadOnlyList<AgendaLineView> Agenda,
    IReadOnlyList<MeetingOption> LaterMeetings);

/// <summary>The submit form; kept by the page on errors so nothing typed is lost.</summary>
public sealed class TopicForm
{
    public int? UnitId { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public int Minutes { get; set; } = Topic.DefaultMinutes;
    public int? WorkItemId { get; set; }
}

/// <summary>One topic of an ad-hoc meeting request.</summary>
public sealed class AdHocTopicRow
{
    public string Title { get; set; } = "";
    public int Minutes { get; set; } = Topic.DefaultMinutes;
}

/// <summary>The ad-hoc meeting request form (/councils/{id}/request). The start is China local time as typed.</summary>
public sealed class AdHocRequestForm
{
    public int? UnitId { get; set; }
    public string Title { get; set; } = "";
    public DateTime? StartsLocal { get; set; }
    public int DurationMinutes { get; set; } = 90;
    public string Reason { get; set; } = "";
    public List<AdHocTopicRow> Topics { get; set; } = [new()];
}

/// <summary>What the request page needs: the council and the units the caller may request for (empty: may not request).</summary>
public sealed record AdHocRequestOptions(int CouncilId, string CouncilName, IReadOnlyList<UnitOption> Units);

/// <summary>A requested meeting awaiting the community's answer, for the council page's managers.</summary>
public sealed record RequestedMeetingRow(int Id, string Title, string? UnitName, DateTime StartsAtUtc);

/// <summary>The council page's topic links: the next meeting collecting topics, whether the caller may request, open requests.</summary>
public sealed record CouncilTopicLinks(int? NextCollectingMeetingId, DateOnly? NextLastSubmissionDay, bool CanSubmit, bool CanRequest, IReadOnlyList<RequestedMeetingRow> Requested);

/// <summary>A topic as a screening step left it (after a conflict: as saved now).</summary>
public sealed record TopicState(int Id, TopicStatus Status, int MeetingId);

/// <summary>A meeting as an agenda or request step left it (after a conflict: as saved now).</summary>
public sealed record MeetingState(int Id, MeetingStatus Status, DateTime StartsAtUtc);

/// <summary>Field keys of the forms' errors.</summary>
public static class TopicFields
{
    public const string Unit = nameof(TopicForm.UnitId);
    public const string Title = nameof(TopicForm.Title);
    public const string Description = nameof(TopicForm.Description);
    public const string Minutes = nameof(TopicForm.Minutes);
    public const string Link = nameof(TopicForm.WorkItemId);
    public const string Reason = "Reason";
    public const string Target = "Target";
    public const string Meeting = "Meeting";
    public const string Start = nameof(AdHocRequestForm.StartsLocal);
    public const string Duration = nameof(AdHocRequestForm.DurationMinutes);
    public const string Topics = nameof(AdHocRequestForm.Topics);
    public const string Agenda = "Agenda";
}
