using Portal.Domain.WorkItems;

namespace Portal.Domain.Tests.WorkItems;

public sealed class DeadlineRulesTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(Urgency.Emergency, 2)]
    [InlineData(Urgency.Utilities, 24)]
    [InlineData(Urgency.General, 7 * 24)]
    [InlineData(Urgency.Complex, 15 * 24)]
    public void The_default_rules_are_the_hotline_standard(Urgency urgency, int hours)
    {
        Assert.Equal(Start.AddHours(hours), DeadlineRules.Default.DueAt(Start, urgency));
    }

    [Fact]
    public void An_edited_rule_set_gives_its_own_deadlines()
    {
        var rules = DeadlineRules.Default with { General = TimeSpan.FromDays(5) };

        Assert.Equal(Start.AddDays(5), rules.DueAt(Start, Urgency.General));
        Assert.Empty(rules.Validate());
    }

    [Fact]
    public void States_move_from_on_time_through_due_soon_and_overdue_to_escalated()
    {
        var rules = DeadlineRules.Default;
        var due = rules.DueAt(Start, Urgency.General); // 7 days; due soon in the last 20 % = 33.6 hours

        Assert.Equal(DeadlineState.OnTime, rules.StateAt(Start, Start, due));
        Assert.Equal(DeadlineState.OnTime, rules.StateAt(due.AddHours(-34), Start, due));
        Assert.Equal(DeadlineState.DueSoon, rules.StateAt(due.AddHours(-33), Start, due));
        Assert.Equal(DeadlineState.DueSoon, rules.StateAt(due, Start, due));
        Assert.Equal(DeadlineState.Overdue, rules.StateAt(due.AddMinutes(1), Start, due));
        Assert.Equal(DeadlineState.Overdue, rules.StateAt(due.AddDays(1), Start, due));
        Assert.Equal(DeadlineState.Escalated, rules.StateAt(due.AddDays(1).AddMinutes(1), Start, due));
    }

    [Fact]
    public void An_emergency_is_due_soon_in_its_last_24_minutes()
    {
        var rules = DeadlineRules.Default;
        var due = rules.DueAt(Start, Urgency.Emergency);

        Assert.Equal(DeadlineState.OnTime, rules.StateAt(due.AddMinutes(-25), Start, due));
        Assert.Equal(DeadlineState.DueSoon, rules.StateAt(due.AddMinutes(-24), Start, due));
    }

    [Fact]
    public void Zero_negative_or_disordered_limits_are_refused()
    {
        Assert.Contains(DeadlineRules.ErrorNotPositive, (DeadlineRules.Default with { Emergency = TimeSpan.Zero }).Validate());
        Assert.Contains(DeadlineRules.ErrorNotPositive, (DeadlineRules.Default with { EscalationGrace = TimeSpan.FromHours(-1) }).Validate());
        Assert.Contains(DeadlineRules.ErrorNotPositive, (DeadlineRules.Default with { DueSoonShare = 1 }).Validate());
        Assert.Contains(DeadlineRules.ErrorOrder, (DeadlineRules.Default with { Utilities = TimeSpan.FromDays(30) }).Validate());
        Assert.Empty(DeadlineRules.Default.Validate());
    }
}
