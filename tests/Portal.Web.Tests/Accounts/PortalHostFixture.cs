using Portal.Testing;

namespace Portal.Web.Tests.Accounts;

/// <summary>One portal (test server, demo data) shared by the tests of a class.</summary>
public sealed class PortalHostFixture : IDisposable
{
    public PortalHost Host { get; } = new(useKestrel: true);

    public void Dispose() => Host.Dispose();
}
