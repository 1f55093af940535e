namespace Portal.Domain.WorkItems;

/// <summary>Urgency classes of the hotline standard (domain brief: 2 h, 24 h, 7 days, 15 days).</summary>
public enum Urgency
{
    Emergency = 1,
    /// <summary>Water, power, gas or heating (水电气暖).</summary>
    Utilities = 2,
    General = 3,
    Complex = 4,
}

/// <summary>How a work item stands against its deadline at a moment.</summary>
public enum DeadlineState
{
    OnTime = 1,
    DueSoon = 2,
    Overdue = 3,
    /// <summary>Overdue for longer than the grace period: the secretary is alerted.</summary>
    Escalated = 4,
}

/// <summary>
/// One version of a community's deadline rules. Communities edit them; each edit is a new version, and an item keeps the
/// version it was dispatched under, so changing the rules never moves a deadline someone already committed to.
/// </summary>
public sealed record DeadlineRules(
    TimeSpan Emergency,
    TimeSpan Utilities,
    TimeSpan General,
    TimeSpan Complex,
    double DueSoonShare,
    TimeSpan EscalationGrace)
{
    public const string ErrorNotPositive = "Deadline.Error.NotPositive";
    public const string ErrorOrder = "Deadline.Error.Order";

    /// <summary>The hotline standard: 2 hours, 24 hours, 7 days, 15 days; due soon in the last fifth; escalated a day after.</summary>
    public static DeadlineRules Default { get; } = new(
        TimeSpan.FromHours(2), TimeSpan.FromHours(24), TimeSpan.FromDays(7), TimeSpan.FromDays(15),
        DueSoonShare: 0.2, EscalationGrace: TimeSpan.FromDays(1));

    public TimeSpan Allowed(Urgency urgency) => urgency switch
    {
        Urgency.Emergency => Emergency,
        Urgency.Utilities => Utilities,
        Urgency.General => General,
        Urgency.Complex => Complex,
        _ => throw new ArgumentOutOfRangeException(nameof(urgency), urgency, null),
    };

    /// <summary>The deadline of an item of this urgency dispatched at <paramref name="start"/>.</summary>
    public DateTimeOffset DueAt(DateTimeOffset start, Urgency urgency) => start + Allowed(urgency);

    public DeadlineState StateAt(DateTimeOffset now, DateTimeOffset start, DateTimeOffset due)
    {
        if (now > due + EscalationGrace) return DeadlineState.Escalated;
        if (now > due) return DeadlineState.Overdue;
        // "Due soon" is the last share of the allowed time: 24 minutes of an emergency, 3 days of a complex item.
        var window = TimeSpan.FromTicks((long)((due - start).Ticks * DueSoonShare));
        return now >= due - window ? DeadlineState.DueSoon : DeadlineState.OnTime;
    }

    /// <summary>Error codes of an edited rule set; empty when it may be saved.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        TimeSpan[] allowed = [Emergency, Utilities, General, Complex];
        if (allowed.Any(t => t <= TimeSpan.Zero) || EscalationGrace < TimeSpan.Zero || !(DueSoonShare > 0 && DueSoonShare < 1))
            errors.Add(ErrorNotPositive);
        // A more urgent class may not allow more time than a less urgent one.
        if (!(Emergency <= Utilities && Utilities <= General && General <= Complex))
            errors.Add(ErrorOrder);
        return errors;
    }
}
