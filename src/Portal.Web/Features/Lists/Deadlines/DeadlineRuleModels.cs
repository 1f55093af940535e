using Portal.Domain.WorkItems;

namespace Portal.Web.Features.Lists.Deadlines;

/// <summary>One version of a community's rules; version 0 is the built-in hotline standard, never stored.</summary>
public sealed record DeadlineRuleVersion(int? Id, int VersionNumber, DeadlineRules Rules, DateTime? CreatedAtUtc, string? CreatedByName);

/// <summary>A community's current rules and their history (newest first), and whether the caller may edit them.</summary>
public sealed record DeadlineRuleView(int CommunityId, string CommunityName, bool CanEdit, DeadlineRuleVersion Current, IReadOnlyList<DeadlineRuleVersion> History);

/// <summary>The editor's input, in the units people think in: hours for the urgent classes, days for the others.</summary>
public sealed class DeadlineRuleForm
{
    /// <summary>Longest allowed time or grace, so minutes stay well inside the database's integer.</summary>
    public const int MaxDays = 365;

    public int EmergencyHours { get; set; }
    public int UtilitiesHours { get; set; }
    public int GeneralDays { get; set; }
    public int ComplexDays { get; set; }
    /// <summary>The last share of the allowed time that counts as "due soon", in percent (1–99).</summary>
    public int DueSoonPercent { get; set; }
    public int EscalationGraceHours { get; set; }
    /// <summary>The version the editor started from; saving over a newer one is a conflict.</summary>
    public int BaseVersionNumber { get; set; }

    public static DeadlineRuleForm From(DeadlineRuleVersion version) => new()
    {
        EmergencyHours = (int)version.Rules.Emergency.TotalHours,
        UtilitiesHours = (int)version.Rules.Utilities.TotalHours,
        GeneralDays = (int)version.Rules.General.TotalDays,
        ComplexDays = (int)version.Rules.Complex.TotalDays,
        DueSoonPercent = (int)Math.Round(version.Rules.DueSoonShare * 100),
        EscalationGraceHours = (int)version.Rules.EscalationGrace.TotalHours,
        BaseVersionNumber = version.VersionNumber,
    };

    public DeadlineRules ToRules() => new(
        TimeSpan.FromHours(EmergencyHours), TimeSpan.FromHours(UtilitiesHours), TimeSpan.FromDays(GeneralDays),
        TimeSpan.FromDays(ComplexDays), DueSoonPercent / 100.0, TimeSpan.FromHours(EscalationGraceHours));

    public bool IsWithinRange =>
        EmergencyHours <= MaxDays * 24 && UtilitiesHours <= MaxDays * 24 && GeneralDays <= MaxDays && ComplexDays <= MaxDays
        && EscalationGraceHours <= MaxDays * 24;
}
