using Portal.Domain.Common;
using Portal.Domain.Text;

namespace Portal.Domain.WorkItems;

/// <summary>How a need reached the portal (the channel is recorded when someone enters it on a resident's behalf).</summary>
public enum RaiseChannel
{
    /// <summary>The resident, unit or member entered it themselves.</summary>
    Self = 1,
    DoorKnocking = 2,
    Hotline = 3,
    SuggestionBox = 4,
    GridPatrol = 5,
    Survey = 6,
    /// <summary>From a joint council resolution.</summary>
    Council = 7,
    /// <summary>From a residents' deliberation session whose public notice closed (issue 13 item 10).</summary>
    Deliberation = 8,
}

/// <summary>
/// One tracked piece of work: a need, micro-wish, project, council task, commitment or grid event. All kinds share the
/// lifecycle in <see cref="WorkItemWorkflow"/>; the kind-specific parts (milestones, resources, commitment scores) hang
/// off it. Status changes go through <see cref="Apply"/> only, so the state machine is the one gate.
/// </summary>
public sealed partial class WorkItem : VersionedEntity
{
    public const int TitleMaxLength = 100;
    public const int DescriptionMaxLength = 8_000;
    public const int CategoryMaxLength = 40;
    public const int AddressMaxLength = 200;
    public const int NameMaxLength = 50;

    // Given at raising and changed by the steps only (triage decides a need's kind, dispatch the urgency, triage and
    // publishing the publicity): init from outside, the fields from the steps. EF Core reads and writes the fields.
    private WorkItemKind _kind;
    private Urgency _urgency = Urgency.General;
    private bool? _isShared;
    private bool _isPublic;
    // The assignment: given at creation (commitments, council tasks, fixtures) and changed by the steps only (dispatch,
    // claim, decline, publishing).
    private int? _ownerUnitId;
    private int? _ownerPersonId;
    private DateTime? _dueAtUtc;
    private int? _deadlineRuleSetId;

    public WorkItemKind Kind { get => _kind; init => _kind = value; }
    public WorkItemStatus Status { get; private set; } = WorkItemStatus.Raised;
    public required string Title { get; init; }
    [MultiLineText]
    public string DescriptionMarkdown { get; init; } = "";
    /// <summary>A category code (WorkItemCategories), e.g. "ElderlyCare"; resources are offered per category too.</summary>
    public required string Category { get; init; }
    public Urgency Urgency { get => _urgency; init => _urgency = value; }

    public int CommunityId { get; init; }
    public int? GridId { get; init; }
    public string? Address { get; init; }

    public RaiseChannel Channel { get; init; } = RaiseChannel.Self;
    /// <summary>Who entered it (account); for entries on someone's behalf, the grid worker or secretary.</summary>
    public string? RaisedByUserId { get; init; }
    public required string RaisedByName { get; init; }
    /// <summary>The account that may rate it: the resident it is for (the raiser, or the person it was entered for).</summary>
    public string? RequesterUserId { get; init; }
    public DateTime RaisedAtUtc { get; init; }

    /// <summary>Set at triage: a shared need (共性, on the public list) or an individual one (个性, a micro-wish).</summary>
    public bool? IsShared { get => _isShared; init => _isShared = value; }
    /// <summary>Shown on the community's public board (without anyone's personal details).</summary>
    public bool IsPublic { get => _isPublic; init => _isPublic = value; }

    /// <summary>The unit that owns it (dispatched to, claimed by, or the project's lead unit).</summary>
    public int? OwnerUnitId { get => _ownerUnitId; init => _ownerUnitId = value; }
    /// <summary>The Party member who owns it, when a person rather than a unit claimed or was given it.</summary>
    public int? OwnerPersonId { get => _ownerPersonId; init => _ownerPersonId = value; }
    public DateTime? DispatchedAtUtc { get; private set; }
    public DateTime? DueAtUtc { get => _dueAtUtc; init => _dueAtUtc = value; }
    /// <summary>The deadline rule set version the due date was computed with.</summary>
    public int? DeadlineRuleSetId { get => _deadlineRuleSetId; init => _deadlineRuleSetId = value; }
    /// <summary>When the owner first accepted or claimed it (the response time).</summary>
    public DateTime? AcceptedAtUtc { get; private set; }
    public bool WasClaimed { get; private set; }
    public DateTime? ReportedAtUtc { get; private set; }
    public Satisfaction? Rating { get; private set; }
    public DateTime? RatedAtUtc { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    public int ReopenCount { get; private set; }

    /// <summary>Last automatic reminder to the owner and escalation to the secretary, so each is sent once per step.</summary>
    public DateTime? RemindedAtUtc { get; private set; }
    public DateTime? EscalatedAtUtc { get; private set; }

    /// <summary>For needs: the project that took them up.</summary>
    public int? ProjectId { get; private set; }

    /// <summary>The project's own data; set for projects only (its own table, WorkItemProjects).</summary>
    public ProjectDetails? Project { get; set; }
    /// <summary>The commitment's own data; set for commitments only (its own table, WorkItemCommitments).</summary>
    public CommitmentDetails? Commitment { get; set; }

    public List<WorkItemCoOwner> CoOwners { get; set; } = [];
    public List<WorkItemEvent> Events { get; set; } = [];
    public List<Milestone> Milestones { get; set; } = [];

    /// <summary>
    /// Moves the item through the workflow and records the step's dates. Refused transitions change nothing and return
    /// the error code. Assignment details (owner, deadline, rating) are set by the caller before or after as fitting.
    /// </summary>
    public TransitionResult Apply(WorkItemAction action, DateTime nowUtc, Satisfaction? rating = null)
    {
        var from = Status;
        var result = WorkItemWorkflow.Apply(from, action, rating);
        if (!result.Allowed) return result;
        Status = result.Status;
        switch (action)
        {
            case WorkItemAction.Dispatch:
                DispatchedAtUtc = nowUtc;
                RemindedAtUtc = EscalatedAtUtc = null;
                break;
            case WorkItemAction.Accept or WorkItemAction.Claim:
                AcceptedAtUtc ??= nowUtc;
                WasClaimed |= action == WorkItemAction.Claim;
                break;
            case WorkItemAction.Decline:
                _ownerUnitId = null;
                _ownerPersonId = null;
                break;
            case WorkItemAction.ReportBack:
                ReportedAtUtc = nowUtc;
                break;
            case WorkItemAction.Rate:
                Rating = rating;
                RatedAtUtc = nowUtc;
                if (Status == WorkItemStatus.InProgress) ReopenCount++;
                break;
            case WorkItemAction.Close:
                ClosedAtUtc = nowUtc;
                break;
            case WorkItemAction.Reopen:
                ClosedAtUtc = null;
                ReopenCount++;
                break;
            case WorkItemAction.Escalate:
                EscalatedAtUtc = nowUtc;
                break;
        }
        return result;
    }
}

/// <summary>A co-owner unit (协办单位) of a work item, e.g. a project's co-units.</summary>
public sealed class WorkItemCoOwner
{
    public int WorkItemId { get; set; }
    public int UnitId { get; set; }
}

/// <summary>
/// One step in a work item's history: a transition, a progress note with evidence, a chase or an escalation. Append-only.
/// </summary>
public sealed class WorkItemEvent : Entity
{
    public const int NoteMaxLength = 4_000;

    public int WorkItemId { get; set; }
    public WorkItemAction Action { get; set; }
    public WorkItemStatus FromStatus { get; set; }
    public WorkItemStatus ToStatus { get; set; }
    public string? ActorUserId { get; set; }
    public required string ActorName { get; set; }
    public DateTime AtUtc { get; set; }
    /// <summary>Markdown: the progress note, the reason for a decline, rejection or reopening, the chase's message.</summary>
    [MultiLineText]
    public string? Note { get; set; }
    public Satisfaction? Rating { get; set; }
    /// <summary>True for steps the deadline monitor took (reminders, escalations), not a person.</summary>
    public bool IsAutomatic { get; set; }

    public List<Attachment> Attachments { get; set; } = [];
}

/// <summary>
/// Evidence attached to a history step (a photo, a scanned sign-off). The file lives under the data directory by its
/// <see cref="StoredName"/> (a fresh GUID), so the uploaded name never reaches the file system.
/// </summary>
public sealed class Attachment : Entity
{
    public const int FileNameMaxLength = 120;
    public const long MaxBytes = 5 * 1024 * 1024;
    /// <summary>The most files one step (progress, report-back) takes.</summary>
    public const int MaxFilesPerStep = 10;
    public static readonly IReadOnlyDictionary<string, string> AllowedTypes = new Dictionary<string, string>
    {
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".webp"] = "image/webp",
        [".pdf"] = "application/pdf",
    };

    public int WorkItemEventId { get; set; }
    /// <summary>The uploaded name, cleaned for display and download only.</summary>
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    [VerbatimText]
    public required string StoredName { get; set; }
    public DateTime UploadedAtUtc { get; set; }
}

/// <summary>A project milestone with its weight in the project's progress (<see cref="ProgressRollUp"/>).</summary>
public sealed class Milestone : VersionedEntity
{
    public const int TitleMaxLength = 100;

    public int WorkItemId { get; set; }
    public required string Title { get; set; }
    public decimal Weight { get; set; } = 1;
    public decimal PercentDone { get; set; }
    public DateOnly? DueDate { get; set; }
    public int SortOrder { get; set; }
}
