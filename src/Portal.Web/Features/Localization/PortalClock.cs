namespace Portal.Web.Features.Localization;

/// <summary>
/// The portal's clock: another clock's instants (the system's in the app, a stopped one in tests), read in China time.
/// Everything the portal computes reads UTC and converts through <see cref="PortalTime"/>; this is for code that asks a
/// clock for its local time — MudBlazor's date pickers take "today" (the marked day, the month they open on) from the
/// registered <see cref="TimeProvider"/>'s <c>GetLocalNow()</c>, which on a server in UTC is yesterday between 00:00 and
/// 08:00 China time. Registered once (<see cref="LocalizationExtensions.AddPortalLocalization"/>), so every picker follows it.
/// </summary>
public sealed class PortalClock(TimeProvider instants) : TimeProvider
{
    /// <summary>The system's clock in China time: the one the app registers.</summary>
    public static PortalClock Default { get; } = new(TimeProvider.System);

    public override TimeZoneInfo LocalTimeZone => PortalTime.Zone;

    public override DateTimeOffset GetUtcNow() => instants.GetUtcNow();

    public override long TimestampFrequency => instants.TimestampFrequency;

    public override long GetTimestamp() => instants.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        instants.CreateTimer(callback, state, dueTime, period);
}
