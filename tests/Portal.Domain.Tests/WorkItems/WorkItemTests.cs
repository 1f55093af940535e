using Portal.Domain.WorkItems;

namespace Portal.Domain.Tests.WorkItems;

public sealed class WorkItemTests
{
    private static readonly DateTime T0 = new(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc);

    private static WorkItem NewNeed() => new() { Title = "楼道灯不亮", Category = WorkItemCategories.Safety, RaisedByName = "刘强" };

    [Fact]
    public void Each_step_records_its_time_and_a_dissatisfied_rating_counts_a_reopening()
    {
        var item = NewNeed();
        item.Apply(WorkItemAction.Triage, T0);
        item.Apply(WorkItemAction.Dispatch, T0.AddHours(1));
        item.Apply(WorkItemAction.Accept, T0.AddHours(2));
        item.Apply(WorkItemAction.ReportBack, T0.AddHours(3));
        item.Apply(WorkItemAction.Rate, T0.AddHours(4), Satisfaction.NotSatisfied);

        Assert.Equal(WorkItemStatus.InProgress, item.Status);
        Assert.Equal(T0.AddHours(1), item.DispatchedAtUtc);
        Assert.Equal(T0.AddHours(2), item.AcceptedAtUtc);
        Assert.Equal(Satisfaction.NotSatisfied, item.Rating);
        Assert.Equal(1, item.ReopenCount);

        item.Apply(WorkItemAction.ReportBack, T0.AddHours(5));
        item.Apply(WorkItemAction.Rate, T0.AddHours(6), Satisfaction.Satisfied);
        item.Apply(WorkItemAction.Close, T0.AddHours(7));

        Assert.Equal(WorkItemStatus.Closed, item.Status);
        Assert.Equal(T0.AddHours(2), item.AcceptedAtUtc); // the first response stays the response time
        Assert.Equal(T0.AddHours(5), item.ReportedAtUtc);
        Assert.Equal(T0.AddHours(7), item.ClosedAtUtc);
        Assert.Equal(1, item.ReopenCount);
    }

    [Fact]
    public void A_refused_action_changes_nothing()
    {
        var item = NewNeed();

        var result = item.Apply(WorkItemAction.Close, T0);

        Assert.False(result.Allowed);
        Assert.Equal(WorkItemStatus.Raised, item.Status);
        Assert.Null(item.ClosedAtUtc);
    }

    [Fact]
    public void Declining_hands_the_item_back_without_an_owner_and_claiming_marks_it_claimed()
    {
        var item = new WorkItem { Title = "楼道灯不亮", Category = WorkItemCategories.Safety, RaisedByName = "刘强", OwnerUnitId = 3 };
        item.Apply(WorkItemAction.Triage, T0);
        item.Apply(WorkItemAction.Dispatch, T0);
        item.Apply(WorkItemAction.Decline, T0.AddHours(1));

        Assert.Equal(WorkItemStatus.Triaged, item.Status);
        Assert.Null(item.OwnerUnitId);

        item.Apply(WorkItemAction.Claim, T0.AddHours(2));
        Assert.True(item.WasClaimed);
        Assert.Equal(WorkItemStatus.InProgress, item.Status);
    }

    [Fact]
    public void A_stored_rule_set_gives_back_the_rules_it_was_made_from()
    {
        var rules = DeadlineRules.Default with { General = TimeSpan.FromDays(5) };

        var stored = DeadlineRuleSet.From(rules, communityId: 1, versionNumber: 2, T0, "刘红梅");

        Assert.Equal(rules, stored.ToRules());
    }

    [Fact]
    public void A_resource_is_available_only_while_active_and_in_its_window()
    {
        var resource = new Resource { Title = "会议室", CapacityUnit = "人", Capacity = 45,
            AvailableFrom = new DateOnly(2026, 1, 1), AvailableUntil = new DateOnly(2026, 12, 31), Categories = "Venue, Lectures" };
        Assert.True(resource.Commit(45, null));
        Assert.False(resource.Commit(1, null));
        // Offered less than projects took already (as a database from before the check may hold it): nothing is left.
        resource.Capacity = 40;

        Assert.Equal(0, resource.RemainingCapacity);
        Assert.True(resource.IsAvailableOn(new DateOnly(2026, 11, 23)));
        Assert.False(resource.IsAvailableOn(new DateOnly(2027, 1, 1)));
        Assert.Equal(["Lectures", "Venue"], resource.CategorySet.Order());
        resource.IsActive = false;
        Assert.False(resource.IsAvailableOn(new DateOnly(2026, 11, 23)));
    }
}
