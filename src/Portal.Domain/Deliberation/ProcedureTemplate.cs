using System.Collections.Immutable;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Text;

namespace Portal.Domain.Deliberation;

/// <summary>
/// A kind of record a step must have before it can be completed. The step only names the kind; the record itself (a
/// sign-in sheet, a vote, a public notice …) lives in its own table and is referenced by <see cref="EvidenceRef"/>.
/// </summary>
public enum EvidenceKind
{
    /// <summary>Who was expected and who came to a deliberation meeting.</summary>
    SignInSheet = 1,
    /// <summary>Residents' opinions or speeches collected during a comment window or a meeting.</summary>
    Opinions = 2,
    /// <summary>A version of the plan document.</summary>
    PlanDocument = 3,
    /// <summary>A closed vote with its result.</summary>
    Vote = 4,
    /// <summary>A closed public notice (公示): its window passed and every objection answered.</summary>
    PublicNotice = 5,
    /// <summary>The tracked work items that carry the decision out.</summary>
    ImplementationRecord = 6,
    /// <summary>Residents' ratings of the result.</summary>
    Ratings = 7,
}

/// <summary>A reference to one stored record offered as evidence for a step, e.g. (Vote, 12).</summary>
public readonly record struct EvidenceRef(EvidenceKind Kind, int RecordId);

/// <summary>
/// One step of a procedure. <see cref="Name"/> is data (the real procedures name their steps in Chinese);
/// <see cref="CompletedBy"/> is the one role that may declare the step done, held over the session's community (see
/// <see cref="StepActor"/>); <see cref="TimeLimitDays"/>, when set, is how long the step may stay current.
/// </summary>
public sealed record ProcedureStep(string Name, ImmutableArray<EvidenceKind> RequiredEvidence, PortalRole CompletedBy, int? TimeLimitDays = null)
{
    public const int NameMaxLength = 30;
    public const int TimeLimitMaxDays = 365;

    public static ProcedureStep Of(string name, PortalRole completedBy, int? timeLimitDays, params EvidenceKind[] evidence) =>
        new(name, [.. evidence], completedBy, timeLimitDays);

    // By value, evidence included: an ImmutableArray compares by reference, and a step read back from storage is the same step.
    public bool Equals(ProcedureStep? other) => other is not null && Name == other.Name && CompletedBy == other.CompletedBy
        && TimeLimitDays == other.TimeLimitDays && RequiredEvidence.AsSpan().SequenceEqual(other.RequiredEvidence.AsSpan());

    public override int GetHashCode() => HashCode.Combine(Name, CompletedBy, TimeLimitDays, RequiredEvidence.Length);
}

/// <summary>
/// An editable, versioned procedure (议事规程) owned by a community or a street, or shipped with the portal for everyone
/// (<see cref="OwnerScope"/> null; see <see cref="ShippedProcedures.Global"/>). A stored version never changes: editing
/// a template makes the next version (<see cref="Revise"/>), a new row, so a session that started on version 2 keeps
/// exactly the steps of version 2 (it copies them, <see cref="DeliberationSession.Start"/>) while new sessions start on
/// version 3. <see cref="Key"/> ties the versions of one template together.
/// </summary>
public sealed class ProcedureTemplate : Entity
{
    public const int NameMaxLength = 50;
    public const int StepsMax = 20;

    public const string ErrorName = "Deliberation.Error.Template.Name";
    public const string ErrorOwner = "Deliberation.Error.Template.Owner";
    public const string ErrorNoSteps = "Deliberation.Error.Template.NoSteps";
    public const string ErrorTooManySteps = "Deliberation.Error.Template.TooManySteps";
    public const string ErrorStepName = "Deliberation.Error.Template.StepName";
    public const string ErrorDuplicateStepName = "Deliberation.Error.Template.DuplicateStepName";
    public const string ErrorEvidence = "Deliberation.Error.Template.Evidence";
    public const string ErrorRole = "Deliberation.Error.Template.Role";
    public const string ErrorTimeLimit = "Deliberation.Error.Template.TimeLimit";

    private ProcedureTemplate() { }

    public Guid Key { get; private init; }
    public string Name { get; private init; } = "";
    /// <summary>
    /// <see cref="ScopeKind.Community"/> or <see cref="ScopeKind.Street"/> (a street's template serves all its
    /// communities); null for a shipped template, which serves every community and which nobody revises in place.
    /// </summary>
    public ScopeKind? OwnerScope { get; private init; }
    public int? OwnerId { get; private init; }
    /// <summary>1 for a new template, one more for each revision.</summary>
    public int Version { get; private init; }
    public ImmutableArray<ProcedureStep> Steps { get; private init; } = [];

    public bool IsShipped => OwnerScope is null;

    /// <summary>Version 1 of a new template, or the error code of the first rule it breaks.</summary>
    public static (ProcedureTemplate? Template, string? Error) Create(string name, ScopeKind ownerScope, int ownerId, IEnumerable<ProcedureStep> steps)
    {
        if (ownerScope is not (ScopeKind.Community or ScopeKind.Street) || ownerId <= 0) return (null, ErrorOwner);
        return Validated(Guid.NewGuid(), name, ownerScope, ownerId, 1, steps);
    }

    /// <summary>Version 1 of a template shipped for every community, under a key fixed in the code (so seeding finds it again).</summary>
    public static (ProcedureTemplate? Template, string? Error) Shipped(Guid key, string name, IEnumerable<ProcedureStep> steps) =>
        Validated(key, name, null, null, 1, steps);

    /// <summary>
    /// The next version with a new name and steps; the owner and key stay. This version is left as it is. A shipped
    /// template is not revised: a community or street adopts it as its own (<see cref="Create"/> with its steps).
    /// </summary>
    public (ProcedureTemplate? Template, string? Error) Revise(string name, IEnumerable<ProcedureStep> steps) =>
        IsShipped ? (null, ErrorOwner) : Validated(Key, name, OwnerScope, OwnerId, Version + 1, steps);

    /// <summary>Whether sessions of the community may use it: its own templates, its street's, and the shipped ones.</summary>
    public bool Serves(int communityId, int? streetOfCommunity) => OwnerScope switch
    {
        null => true,
        ScopeKind.Community => OwnerId == communityId,
        _ => streetOfCommunity == OwnerId,
    };

    private static (ProcedureTemplate?, string?) Validated(Guid key, string name, ScopeKind? ownerScope, int? ownerId, int version, IEnumerable<ProcedureStep> steps)
    {
        var cleanName = UserText.SingleLine(name);
        if (cleanName.Length is 0 or > NameMaxLength) return (null, ErrorName);
        var list = new List<ProcedureStep>();
        foreach (var step in steps)
        {
            var stepName = UserText.SingleLine(step.Name);
            if (stepName.Length is 0 or > ProcedureStep.NameMaxLength) return (null, ErrorStepName);
            if (list.Any(s => s.Name == stepName)) return (null, ErrorDuplicateStepName);
            // Every step must leave a trace: a step with no evidence could be ticked off with nothing to show in court.
            if (step.RequiredEvidence.IsDefaultOrEmpty || step.RequiredEvidence.Any(e => !Enum.IsDefined(e))
                || step.RequiredEvidence.Distinct().Count() != step.RequiredEvidence.Length)
                return (null, ErrorEvidence);
            if (!Enum.IsDefined(step.CompletedBy)) return (null, ErrorRole);
            if (step.TimeLimitDays is < 1 or > ProcedureStep.TimeLimitMaxDays) return (null, ErrorTimeLimit);
            list.Add(step with { Name = stepName });
        }
        if (list.Count == 0) return (null, ErrorNoSteps);
        if (list.Count > StepsMax) return (null, ErrorTooManySteps);
        return (new ProcedureTemplate
        {
            Key = key, Name = cleanName, OwnerScope = ownerScope, OwnerId = ownerId, Version = version, Steps = [.. list],
        }, null);
    }
}
