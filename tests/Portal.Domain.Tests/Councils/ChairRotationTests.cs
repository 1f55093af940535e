using Portal.Domain.Councils;

namespace Portal.Domain.Tests.Councils;

public sealed class ChairRotationTests
{
    private const int Lead = 1;

    private static ChairRotation Rotation(params RotationSlot[] order) => new(Lead, 2025, order);

    [Fact]
    public void Units_chair_in_the_fixed_order_one_year_each_and_wrap_round()
    {
        var rotation = Rotation(new(10, 2025), new(20, 2025), new(30, 2025));

        var schedule = rotation.Schedule(2025, 7);

        Assert.Equal([10, 20, 30, 10, 20, 30, 10], schedule.Select(y => y.ChairUnitId!.Value));
        Assert.Equal([2025, 2026, 2027, 2028, 2029, 2030, 2031], schedule.Select(y => y.Year));
        Assert.All(schedule, y => Assert.Equal(Lead, y.LeadUnitId));
        Assert.Equal(30, rotation.ChairOf(2027));
    }

    [Fact]
    public void Before_the_start_year_nobody_rotates()
    {
        var rotation = Rotation(new(10, 2025), new(20, 2025));

        Assert.Null(rotation.ChairOf(2024));
        var schedule = rotation.Schedule(2023, 4);
        Assert.Equal([null, null, 10, 20], schedule.Select(y => y.ChairUnitId));
        Assert.Empty(rotation.Schedule(2023, 0));
    }

    [Fact]
    public void A_unit_that_leaves_is_skipped_and_nobody_elses_turn_moves_otherwise()
    {
        // 20 leaves after 2026 (its turn that year stays in the record).
        var rotation = Rotation(new(10, 2025), new(20, 2025, LastYear: 2026), new(30, 2025));

        Assert.Equal([10, 20, 30, 10, 30, 10], rotation.Schedule(2025, 6).Select(y => y.ChairUnitId!.Value));
    }

    [Fact]
    public void A_unit_that_joins_is_appended_and_takes_its_turn_when_the_rotation_reaches_the_end()
    {
        // 40 joins in 2027; the waiting units keep their turns.
        var rotation = Rotation(new(10, 2025), new(20, 2025), new(30, 2025), new(40, 2027));

        Assert.Equal([10, 20, 30, 40, 10, 20, 30, 40], rotation.Schedule(2025, 8).Select(y => y.ChairUnitId!.Value));
    }

    [Fact]
    public void A_unit_joining_after_its_place_was_passed_waits_for_the_next_round()
    {
        // 40 joins in 2029, after the rotation passed the end of the order in 2028: it chairs after 30 in the next round.
        var rotation = Rotation(new(10, 2025), new(20, 2025), new(30, 2025), new(40, 2029));

        Assert.Equal([10, 20, 30, 10, 20, 30, 40, 10], rotation.Schedule(2025, 8).Select(y => y.ChairUnitId!.Value));
    }

    [Fact]
    public void The_lead_unit_never_takes_a_turn_even_if_listed()
    {
        var rotation = Rotation(new(10, 2025), new(Lead, 2025), new(30, 2025));

        Assert.Equal([10, 30, 10, 30], rotation.Schedule(2025, 4).Select(y => y.ChairUnitId!.Value));
    }

    [Fact]
    public void When_no_unit_is_a_member_the_year_has_no_rotating_chair_and_the_rotation_resumes_after()
    {
        var rotation = Rotation(new(10, 2025, LastYear: 2025), new(20, 2027));

        Assert.Equal([10, null, 20, 20], rotation.Schedule(2025, 4).Select(y => y.ChairUnitId));
    }

    [Fact]
    public void The_rotation_is_built_from_the_members_rotation_order_and_terms()
    {
        CouncilMember Seat(int unit, int order, DateOnly from, DateOnly? to = null) =>
            new() { UnitId = unit, PersonId = unit * 10, RotationOrder = order, TermFrom = from, TermTo = to };
        var members = new[]
        {
            Seat(30, 3, new(2025, 1, 1)),
            Seat(10, 1, new(2025, 1, 1)),
            Seat(20, 2, new(2025, 1, 1), new(2026, 12, 31)),
            new CouncilMember { UnitId = 99, PersonId = 990, TermFrom = new(2025, 1, 1) }, // no turn
        };

        var rotation = ChairRotation.FromMembers(Lead, 2025, members);

        Assert.Equal([10, 20, 30], rotation.Order.Select(s => s.UnitId));
        Assert.Equal(2026, rotation.Order[1].LastYear);
        Assert.Equal([10, 20, 30, 10, 30], rotation.Schedule(2025, 5).Select(y => y.ChairUnitId!.Value));
    }

    [Fact]
    public void Invalid_orders_are_refused()
    {
        Assert.Contains(ChairRotation.ErrorEmptyOrder, Rotation().Validate());
        Assert.Contains(ChairRotation.ErrorEmptyOrder, Rotation(new RotationSlot(Lead, 2025)).Validate());
        Assert.Contains(ChairRotation.ErrorDuplicateUnit, Rotation(new(10, 2025), new(10, 2026)).Validate());
        Assert.Contains(ChairRotation.ErrorYears, Rotation(new RotationSlot(10, 2026, 2025)).Validate());
        Assert.Empty(Rotation(new(10, 2025), new(20, 2025)).Validate());
    }

    [Fact]
    public void A_rotating_council_needs_its_lead_unit_and_start_year()
    {
        var council = new Council
        {
            Name = "幸福社区党建联席会议", Level = CouncilLevel.Community, CommunityId = 1,
            ChairArrangement = ChairArrangement.LeadUnitWithRotatingChair,
        };

        Assert.Contains(ChairRotation.ErrorLeadUnitRequired, council.Validate());
        council.LeadUnitId = Lead;
        council.RotationStartYear = 2025;
        Assert.Empty(council.Validate());
    }
}
