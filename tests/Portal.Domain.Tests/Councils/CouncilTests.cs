using Portal.Domain.Councils;

namespace Portal.Domain.Tests.Councils;

public sealed class CouncilTests
{
    [Fact]
    public void A_council_needs_a_name_a_matching_scope_and_a_deadline_of_1_to_60_days()
    {
        var council = new Council { Name = " ", Level = CouncilLevel.Community, TopicDeadlineDays = 0 };
        Assert.Equal([Council.ErrorNameRequired, Council.ErrorScopeRequired, Council.ErrorTopicDeadlineDays], council.Validate());

        var street = new Council { Name = "街道大党委", Level = CouncilLevel.Street, CommunityId = 3 };
        Assert.Equal([Council.ErrorScopeRequired], street.Validate());
        street.CommunityId = null;
        Assert.Empty(street.Validate());
    }

    [Fact]
    public void A_council_stores_its_calendar_rule_and_is_invalid_with_a_bad_one()
    {
        var council = new Council
        {
            Name = "青年湖社区党建联席会议", Level = CouncilLevel.Community, CommunityId = 1, Frequency = MeetingFrequency.Quarterly,
            CalendarFirstMonth = 3, CalendarWeekOfMonth = 2, CalendarDay = DayOfWeek.Tuesday, CalendarStartTime = new(9, 30), MeetingDurationMinutes = 90,
        };
        Assert.Empty(council.Validate());
        Assert.Equal(new MeetingCalendarRule(MeetingFrequency.Quarterly, 3, 2, DayOfWeek.Tuesday, new(9, 30), 90), council.CalendarRule());

        council.CalendarFirstMonth = 4;
        council.CalendarWeekOfMonth = 5;
        Assert.Equal([MeetingCalendarRule.ErrorFirstMonth, MeetingCalendarRule.ErrorWeekOfMonth], council.Validate());
    }

    [Fact]
    public void Configure_stores_the_settings_as_kept_and_answers_the_rule()
    {
        var council = new Council
        {
            Name = "旧名称", Level = CouncilLevel.Community, CommunityId = 1, ChairArrangement = ChairArrangement.LeadUnitWithRotatingChair,
            LeadUnitId = 7, RotationStartYear = 2025,
        };

        var errors = council.Configure("  青年湖社区党建联席会议 ", new MeetingCalendarRule(MeetingFrequency.Monthly, 3, 2, DayOfWeek.Tuesday, new(9, 30), 90),
            10, "  党群服务中心 ", ChairArrangement.FixedChair, leadUnitId: 7, rotationStartYear: 2026);

        Assert.Empty(errors);
        Assert.Equal("青年湖社区党建联席会议", council.Name);
        // A monthly council's cycle starts in January whatever was picked; a fixed chair forgets the rotation.
        Assert.Equal(new MeetingCalendarRule(MeetingFrequency.Monthly, 1, 2, DayOfWeek.Tuesday, new(9, 30), 90), council.CalendarRule());
        Assert.Equal((10, "党群服务中心"), (council.TopicDeadlineDays, council.DefaultLocation));
        Assert.Equal((ChairArrangement.FixedChair, (int?)null, (int?)null), (council.ChairArrangement, council.LeadUnitId, council.RotationStartYear));

        var rotating = council.Configure("青年湖社区党建联席会议", new MeetingCalendarRule(MeetingFrequency.Quarterly, 2, 5, DayOfWeek.Friday, new(14, 30), 120),
            0, null, ChairArrangement.LeadUnitWithRotatingChair, leadUnitId: 7, rotationStartYear: null);

        Assert.Equal([Council.ErrorTopicDeadlineDays, ChairRotation.ErrorLeadUnitRequired, MeetingCalendarRule.ErrorWeekOfMonth], rotating);
        Assert.Equal((2, (int?)7, (string?)null), (council.CalendarFirstMonth, council.LeadUnitId, council.DefaultLocation));
    }

    [Fact]
    public void The_roster_of_a_day_follows_the_terms()
    {
        var members = new[]
        {
            new CouncilMember { UnitId = 10, PersonId = 100, Role = CouncilRole.Chair, IsPartTime = false, TermFrom = new(2025, 1, 1) },
            new CouncilMember { UnitId = 20, PersonId = 200, TermFrom = new(2025, 1, 1), TermTo = new(2025, 12, 31) },
            new CouncilMember { UnitId = 20, PersonId = 201, TermFrom = new(2026, 1, 1) },
            new CouncilMember { PersonId = 300, Role = CouncilRole.Recorder, TermFrom = new(2026, 3, 1) },
        };

        Assert.Equal(new HashSet<int> { 10, 20 }, CouncilRoster.MemberUnitsOn(members, new(2026, 2, 1)));
        Assert.Equal([100, 201], CouncilRoster.ExpectedPersonsOn(members, new(2026, 2, 1)));
        Assert.Equal([100, 201, 300], CouncilRoster.ExpectedPersonsOn(members, new(2026, 3, 1)));
        Assert.Equal([100, 200], CouncilRoster.ExpectedPersonsOn(members, new(2025, 12, 31)));
        Assert.Single(CouncilRoster.Holding(members, CouncilRole.Chair, new(2026, 3, 1)));
    }

    [Fact]
    public void A_seat_needs_a_unit_or_person_and_an_ordered_term()
    {
        Assert.Equal([CouncilMember.ErrorPersonOrUnitRequired, CouncilMember.ErrorTermOrder],
            new CouncilMember { TermFrom = new(2026, 1, 1), TermTo = new(2025, 1, 1) }.Validate());
        Assert.Empty(new CouncilMember { UnitId = 1, TermFrom = new(2026, 1, 1), TermTo = new(2026, 1, 1) }.Validate());
    }

    [Fact]
    public void A_term_ends_on_its_last_day_and_not_before_it_began()
    {
        var seat = new CouncilMember { UnitId = 1, TermFrom = new(2026, 3, 1) };

        Assert.Equal(CouncilMember.ErrorTermOrder, seat.EndTerm(new(2026, 2, 28)));
        Assert.Null(seat.TermTo);

        Assert.Null(seat.EndTerm(new(2026, 3, 1)));
        Assert.Equal(new DateOnly(2026, 3, 1), seat.TermTo);
        Assert.True(seat.IsSittingOn(new(2026, 3, 1)));
        Assert.False(seat.IsSittingOn(new(2026, 3, 2)));
    }
}
