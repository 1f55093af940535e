using Portal.Testing;

namespace Portal.Browser.Tests;

/// <summary>The portal on real Kestrel with its own database, shared by the tests of one class.</summary>
public sealed class PortalServerFixture : IDisposable
{
    public PortalHost Portal { get; } = new(useKestrel: true);

    public Uri BaseAddress => Portal.BaseAddress;

    public void Dispose() => Portal.Dispose();
}
