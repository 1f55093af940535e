using Portal.Domain.Reporting;

namespace Portal.Domain.Tests.Reporting;

/// <summary>Hours inside the activity's time, rounded down to the half hour, at each edge.</summary>
public sealed class ServiceHoursTests
{
    private static readonly DateTime Start = new(2026, 5, 9, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = Start.AddHours(3);

    [Theory]
    [InlineData(0, 180, 3.0)]      // the whole activity
    [InlineData(-45, 240, 3.0)]    // early and late add nothing
    [InlineData(0, 150, 2.5)]      // 2 h 30 min
    [InlineData(0, 149, 2.0)]      // 2 h 29 min rounds down
    [InlineData(10, 39, 0.0)]      // 29 minutes count nothing
    [InlineData(10, 40, 0.5)]      // 30 minutes
    [InlineData(200, 260, 0.0)]    // after the end
    [InlineData(60, 30, 0.0)]      // out before in
    public void Hours_count_inside_the_activity_and_round_down_to_the_half_hour(int inMinutes, int outMinutes, double expected) =>
        Assert.Equal((decimal)expected, ServiceHours.Between(Start.AddMinutes(inMinutes), Start.AddMinutes(outMinutes), Start, End));

    [Theory]
    [InlineData(0.5, true)]
    [InlineData(24, true)]
    [InlineData(0, false)]
    [InlineData(24.5, false)]
    [InlineData(1.25, false)]
    [InlineData(-1, false)]
    public void Staff_enter_half_hours_up_to_a_day(double hours, bool valid) => Assert.Equal(valid, ServiceHours.IsValidEntry((decimal)hours));
}
