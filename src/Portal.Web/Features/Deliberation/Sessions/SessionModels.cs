using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Deliberation.Sessions;

public enum SessionFilter
{
    All = 0,
    Running = 1,
    /// <summary>Running with the current step past its time limit.</summary>
    Overdue = 2,
    Finished = 3,
}

/// <summary>The sessions of one community the caller belongs to, newest first.</summary>
public sealed record SessionQuery(int CommunityId, SessionFilter Filter = SessionFilter.All) : DeliberationPaging;

/// <summary>A row of the session list: where it stands and whether the current step is late.</summary>
public sealed record SessionRow(int Id, int MatterId, string Title, string TemplateName, int TemplateVersion, DateTime StartedAtUtc,
    int StepCount, int? CurrentStepIndex, string? CurrentStepName, DateTime? CurrentStepDueUtc, bool IsOverdue, DateTime? FinishedAtUtc);

/// <summary>
/// One completed step's record as the timeline shows it: when, by whom, on which evidence — the records
/// (<see cref="Evidence"/>) and the same in words (<see cref="Named"/>, as <see cref="EvidenceChoiceQueries"/> names them).
/// </summary>
public sealed record TimelineDone(DateTime AtUtc, string ByName, IReadOnlyList<EvidenceRef> Evidence, IReadOnlyList<TimelineEvidence> Named);

/// <summary>A done step's evidence in words: one record ("表决：… · 通过"), or the step's opinions counted ("意见 3 条").</summary>
public sealed record TimelineEvidence(EvidenceKind Kind, Message Label);

/// <summary>One step of the timeline: done (with its record), current (with its deadline), next or later.</summary>
public sealed record TimelineStep(int Index, string Name, PortalRole CompletedBy, IReadOnlyList<EvidenceKind> RequiredEvidence, int? TimeLimitDays,
    TimelineState State, TimelineDone? Done, DateTime? DueUtc, bool IsOverdue);

/// <summary>
/// The session page's model: the matter, the template version it keeps, the steps, and whether the caller may complete
/// the current one (they hold its role over the community).
/// </summary>
public sealed record SessionTimeline(int Id, int CommunityId, int MatterId, string Title, MatterScope Scope, string TemplateName, int TemplateVersion,
    DateTime StartedAtUtc, DateTime? FinishedAtUtc, IReadOnlyList<TimelineStep> Steps, bool CanCompleteCurrent, bool CanManage, Guid Version);

/// <summary>A template version a session may start with, as the start picker shows it: name, version, the steps' names.</summary>
public sealed record TemplateChoice(int Id, string Name, int Version, IReadOnlyList<string> StepNames);

/// <summary>
/// A record of the session the complete-step dialog offers as evidence: its id, words saying which it is (title, author,
/// date…), and why it cannot be used yet (null: it is final and may be chosen).
/// </summary>
public sealed record EvidenceChoice(int RecordId, Message Label, Message? NotFinal = null)
{
    public bool IsFinal => NotFinal is null;
}

/// <summary>The records one kind of evidence the step needs may be chosen from (none: the dialog says what to do first).</summary>
public sealed record EvidenceChoices(EvidenceKind Kind, IReadOnlyList<EvidenceChoice> Records);
