using Portal.Domain.Councils;
using Portal.Domain.WorkItems;
using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Councils.Minutes;

/// <summary>Field keys of validation errors, so each message shows under its own field.</summary>
public static class MinutesFields
{
    public const string Form = "";
    public const string Decision = "Decision";
    public const string AgendaItem = "AgendaItem";
    public const string Owner = "Owner";
    public const string CoOwners = "CoOwners";
    public const string DueDate = "DueDate";
    public const string Chaser = "Chaser";
    public const string Draft = "Draft";
}

/// <summary>The resolution editor's form: a new resolution (<see cref="Id"/> null) or changes to an existing one.</summary>
public sealed class ResolutionForm
{
    public int? Id { get; set; }
    public string? Decision { get; set; }
    public int? AgendaItemNumber { get; set; }
    public int? OwnerUnitId { get; set; }
    public IReadOnlyCollection<int> CoOwnerUnitIds { get; set; } = [];
    public DateTime? DueDate { get; set; }
    public int? ChaserPersonId { get; set; }

    public static ResolutionForm From(ResolutionRow row) => new()
    {
        Id = row.Id, Decision = row.Decision, AgendaItemNumber = row.AgendaItemNumber, OwnerUnitId = row.OwnerUnitId,
        CoOwnerUnitIds = row.CoOwnerUnitIds.ToList(), DueDate = row.DueDate.ToDateTime(TimeOnly.MinValue), ChaserPersonId = row.ChaserPersonId,
    };
}

/// <summary>An agenda item to decide a resolution under, by its number in the meeting.</summary>
public sealed record AgendaOption(int Number, string Title);

public sealed record ResolutionRow(
    int Id, int? AgendaItemNumber, string? AgendaItemTitle, string Decision, int OwnerUnitId, string OwnerUnitName,
    IReadOnlyList<int> CoOwnerUnitIds, IReadOnlyList<string> CoOwnerUnitNames, DateOnly DueDate, int? ChaserPersonId, string? ChaserName,
    int? WorkItemId);

/// <summary>
/// The minutes page of one meeting as the caller may use it: the resolutions, the draft (Markdown and its safe HTML) and
/// the choices for the editor; for a reader of the public version (<see cref="Edition"/>), that version's text and no
/// choices. <see cref="Version"/> is the meeting's, which guards every change.
/// </summary>
public sealed record MinutesView(
    int MeetingId,
    Guid Version,
    int CouncilId,
    string CouncilName,
    string Title,
    MeetingStatus Status,
    DateTime StartsAtUtc,
    DateOnly MeetingDay,
    bool CanEditResolutions,
    bool CanEditDraft,
    bool CanApprove,
    string? MinutesMarkdown,
    IReadOnlyList<ResolutionRow> Resolutions,
    IReadOnlyList<Option> Units,
    IReadOnlyList<AgendaOption> AgendaItems,
    IReadOnlyList<Option> Chasers,
    MinutesEdition Edition)
{
    public bool IsApproved => Status == MeetingStatus.MinutesApproved;
}

/// <summary>What a change of the minutes leaves saved: after a conflict, the meeting as someone else left it.</summary>
public sealed record MinutesState(MeetingStatus Status, string? MinutesMarkdown);

/// <summary>The Word document of approved minutes and its file name (without extension).</summary>
public sealed record MinutesFile(byte[] Content, string FileName);

/// <summary>
/// The approved (or draft) minutes for the print view and the Word document, with the structured resolutions, in the
/// edition shown (decision 0016).
/// </summary>
public sealed record MinutesPrintView(
    int MeetingId, string CouncilName, string Title, bool IsApproved, string Markdown, string Html,
    IReadOnlyList<ResolutionRow> Resolutions, string? RecorderName, MinutesEdition Edition);

/// <summary>One council task on the council page; <see cref="DueDate"/> is the local last day (the meeting's 完成时限).</summary>
public sealed record CouncilTaskRow(
    int WorkItemId, string Title, WorkItemStatus Status, string? OwnerUnitName, DateOnly? DueDate, string? Reason, DateTime? ReasonAtUtc);

/// <summary>新增 (created this year) / 推进 (open) / 已销号 (closed), and the overdue tasks with their latest reason.</summary>
public sealed record CouncilTasksView(int Year, int CreatedThisYear, int Open, int Closed, IReadOnlyList<CouncilTaskRow> Overdue, IReadOnlyList<CouncilTaskRow> Recent);

/// <summary>
/// The minutes text as the recorder is typing it. Owned by <see cref="MinutesPage"/>, which marks it
/// <c>[PersistentState]</c>: when the server evicts the page's circuit while the connection is gone, the text typed
/// comes back in the circuit that resumes (decision 0018). <see cref="Text"/> stays null until the editor first fills
/// it from the stored draft.
/// </summary>
public sealed class MinutesNotesDraft
{
    public int MeetingId { get; set; }
    public string? Text { get; set; }
}
