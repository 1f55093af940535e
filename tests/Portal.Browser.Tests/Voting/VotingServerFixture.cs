using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using Portal.Web.Features.Deliberation.Notices;

namespace Portal.Browser.Tests.Voting;

/// <summary>
/// The portal on real Kestrel for the voting tests, with one seam: public notices read <see cref="NoticeClock"/>, which a
/// test moves past a notice's window (seven days cannot pass in a test; moving the whole portal's clock would end the
/// signed-in sessions too, whose cookies last hours).
/// </summary>
public sealed class VotingServerFixture : IDisposable
{
    public VotingServerFixture() => Portal = new PortalHost(useKestrel: true, services: services =>
        services.AddScoped(provider => ActivatorUtilities.CreateInstance<NoticeService>(provider, (TimeProvider)NoticeClock)));

    public PortalHost Portal { get; }

    public AheadClock NoticeClock { get; } = new();

    public Uri BaseAddress => Portal.BaseAddress;

    public void Dispose() => Portal.Dispose();
}

/// <summary>The system's clock, or that far ahead of it once a test moves it.</summary>
public sealed class AheadClock : TimeProvider
{
    public TimeSpan Ahead { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Ahead;
}
