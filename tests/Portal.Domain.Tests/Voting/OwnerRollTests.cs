using Portal.Domain.Voting;

namespace Portal.Domain.Tests.Voting;

public sealed class OwnerRollTests
{
    [Fact]
    public void Each_owner_counts_once_with_the_summed_area_of_their_units_in_first_seen_order()
    {
        var roll = OwnerRoll.Count(
        [
            new("1-101", "developer", 90.00m), new("1-102", "zhang", 88.25m), new("1-103", "developer", 90.00m),
            new("2-101", "zhang", 60.10m), new("2-102", "developer", 75.55m),
        ]);

        Assert.Equal([new Elector("developer", 255.55m), new Elector("zhang", 148.35m)], roll.Electors);
        Assert.Empty(roll.Errors);
    }

    [Fact]
    public void Bad_rows_are_reported_by_row_and_left_out()
    {
        var roll = OwnerRoll.Count(
        [
            new("101", "a", 80.00m),
            new("101", "b", 80.00m),
            new("", "c", 80.00m),
            new("103", " ", 80.00m),
            new("104", "d", 0m),
            new("105", "e", 80.001m),
            new("106", "a", 20.00m),
            new("107", "f", 100_000_000.01m),
            new("108", "a", 99_999_900.01m),
        ]);

        Assert.Equal([new Elector("a", 100.00m)], roll.Electors);
        Assert.Equal(
        [
            new RollError(2, OwnerRoll.DuplicateUnit), new RollError(3, OwnerRoll.UnitKeyRequired), new RollError(4, OwnerRoll.OwnerKeyRequired),
            new RollError(5, OwnerRoll.AreaNotPositive), new RollError(6, OwnerRoll.AreaTooPrecise),
            // One unit, or one owner's units together, beyond Elector.MaxArea.
            new RollError(8, OwnerRoll.AreaTooLarge), new RollError(9, OwnerRoll.AreaTooLarge),
        ], roll.Errors);
    }
}
