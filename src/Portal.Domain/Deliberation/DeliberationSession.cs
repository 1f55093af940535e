using System.Collections.Immutable;
using Portal.Domain.Access;
using Portal.Domain.Common;

namespace Portal.Domain.Deliberation;

/// <summary>A completed step as the record keeps it: when, by whom, and on which evidence.</summary>
public sealed record StepCompletion(int StepIndex, DateTime AtUtc, string ByUserId, string ByName, ImmutableArray<EvidenceRef> Evidence)
{
    // By value, evidence included (an ImmutableArray compares by reference).
    public bool Equals(StepCompletion? other) => other is not null && StepIndex == other.StepIndex && AtUtc == other.AtUtc
        && ByUserId == other.ByUserId && ByName == other.ByName && Evidence.AsSpan().SequenceEqual(other.Evidence.AsSpan());

    public override int GetHashCode() => HashCode.Combine(StepIndex, AtUtc, ByUserId, Evidence.Length);
}

public enum TimelineState
{
    Done = 1,
    Current = 2,
    /// <summary>The step right after the current one.</summary>
    Next = 3,
    Later = 4,
}

/// <summary>
/// One line of a session's timeline. <see cref="DueUtc"/> is set on the current step when it has a time limit, counted
/// from the moment it became current.
/// </summary>
public sealed record TimelineEntry(int Index, ProcedureStep Step, TimelineState State, StepCompletion? Completion, DateTime? DueUtc);

/// <summary>
/// A deliberation session (议事): one accepted matter taken through the steps of one template version. The steps are
/// copied at the start, so a later revision of the template never changes a running or finished session's record.
/// Steps are completed strictly in order, each by a holder of its role over the community and only with every kind of
/// evidence it names; a refusal changes nothing. A late step is still completed (late is better than never) and shows
/// as overdue.
/// </summary>
public sealed class DeliberationSession : VersionedEntity
{
    public const string ErrorMatterNotAccepted = "Deliberation.Error.Session.MatterNotAccepted";
    public const string ErrorTemplateNotServing = "Deliberation.Error.Session.TemplateNotServing";
    public const string ErrorFinished = "Deliberation.Error.Session.Finished";
    public const string ErrorNotCurrentStep = "Deliberation.Error.Session.NotCurrentStep";
    public const string ErrorNotAllowed = "Deliberation.Error.Session.NotAllowed";
    public const string ErrorEvidenceMissing = "Deliberation.Error.Session.EvidenceMissing";

    private DeliberationSession() { }

    public int CommunityId { get; private init; }
    public int MatterId { get; private init; }
    public string Title { get; private init; } = "";
    public MatterScope Scope { get; private init; }
    /// <summary>The stored template version it started on (its steps are copied into <see cref="Steps"/> all the same).</summary>
    public int TemplateId { get; private init; }
    public Guid TemplateKey { get; private init; }
    public string TemplateName { get; private init; } = "";
    public int TemplateVersion { get; private init; }
    public ImmutableArray<ProcedureStep> Steps { get; private init; }
    public DateTime StartedAtUtc { get; private init; }

    public ImmutableArray<StepCompletion> Completions { get; private set; } = [];

    /// <summary>
    /// The 0-based index of the step to complete next; null once every step is done. Stored (as are the two below) so
    /// lists can filter and sort by it in the database; kept in step by <see cref="CompleteStep"/>.
    /// </summary>
    public int? CurrentStepIndex { get; private set; }

    /// <summary>The current step's deadline, if it has a time limit: counted from when it became current.</summary>
    public DateTime? CurrentStepDueUtc { get; private set; }

    /// <summary>When the last step was completed; null while running.</summary>
    public DateTime? FinishedAtUtc { get; private set; }

    public bool IsFinished => CurrentStepIndex is null;

    /// <summary>When the current step became current: the previous step's completion, or the start.</summary>
    public DateTime? CurrentStepSinceUtc => IsFinished ? null : Completions.Length == 0 ? StartedAtUtc : Completions[^1].AtUtc;

    public bool IsOverdue(DateTime nowUtc) => CurrentStepDueUtc is { } due && nowUtc > due;

    /// <summary>Starts a session on an accepted matter with the template as it is now (the community's own or its street's).</summary>
    public static (DeliberationSession? Session, string? Error) Start(Matter matter, ProcedureTemplate template, int? streetOfCommunity, DateTime nowUtc)
    {
        if (matter.Status != MatterStatus.Accepted) return (null, ErrorMatterNotAccepted);
        if (!template.Serves(matter.CommunityId, streetOfCommunity)) return (null, ErrorTemplateNotServing);
        var session = new DeliberationSession
        {
            CommunityId = matter.CommunityId, MatterId = matter.Id, Title = matter.Title, Scope = matter.Scope, TemplateId = template.Id,
            TemplateKey = template.Key, TemplateName = template.Name, TemplateVersion = template.Version, Steps = template.Steps,
            StartedAtUtc = nowUtc,
        };
        session.MoveToStep(0, nowUtc);
        return (session, null);
    }

    /// <summary>Makes step <paramref name="index"/> current from <paramref name="sinceUtc"/> (or finishes past the last).</summary>
    private void MoveToStep(int index, DateTime sinceUtc)
    {
        if (index >= Steps.Length)
        {
            CurrentStepIndex = null;
            CurrentStepDueUtc = null;
            FinishedAtUtc = sinceUtc;
            return;
        }
        CurrentStepIndex = index;
        CurrentStepDueUtc = Steps[index].TimeLimitDays is { } days ? sinceUtc.AddDays(days) : null;
    }

    /// <summary>
    /// Completes step <paramref name="stepIndex"/> (the one the person saw as current, so a double click or a colleague's
    /// earlier completion is refused instead of completing the following step). Refused, changing nothing, when the session
    /// is finished, the step is not current, the actor does not hold the step's role over the community, or a kind of
    /// evidence the step names is missing. All offered references are kept.
    /// </summary>
    public string? CompleteStep(int stepIndex, StepActor actor, IReadOnlyCollection<EvidenceRef> evidence, DateTime nowUtc)
    {
        if (CurrentStepIndex is not { } current) return ErrorFinished;
        if (stepIndex != current) return ErrorNotCurrentStep;
        var step = Steps[current];
        if (!DeliberationAccess.CanCompleteStep(actor, step)) return ErrorNotAllowed;
        var valid = evidence.Where(e => e.RecordId > 0).Distinct().ToImmutableArray();
        if (step.RequiredEvidence.Any(kind => !valid.Any(e => e.Kind == kind))) return ErrorEvidenceMissing;
        Completions = Completions.Add(new StepCompletion(current, nowUtc, actor.UserId, actor.Name, valid));
        MoveToStep(current + 1, nowUtc);
        Raise(new DeliberationStepCompleted(Id, current, step.Name, actor.UserId, nowUtc));
        if (IsFinished) Raise(new DeliberationSessionFinished(Id, nowUtc));
        return null;
    }

    /// <summary>The whole procedure as the session page shows it: done (when, by whom, evidence), current, next, later.</summary>
    public IReadOnlyList<TimelineEntry> Timeline() => Steps.Select((step, i) =>
    {
        if (i < Completions.Length) return new TimelineEntry(i, step, TimelineState.Done, Completions[i], null);
        if (i == Completions.Length) return new TimelineEntry(i, step, TimelineState.Current, null, CurrentStepDueUtc);
        return new TimelineEntry(i, step, i == Completions.Length + 1 ? TimelineState.Next : TimelineState.Later, null, null);
    }).ToList();
}
