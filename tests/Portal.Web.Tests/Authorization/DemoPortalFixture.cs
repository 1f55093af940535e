using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Testing;

namespace Portal.Web.Tests.Authorization;

/// <summary>One portal (in-memory server, own SQLite file, demo data) and one signed-in client per demo account.</summary>
public sealed class DemoPortalFixture : IAsyncLifetime
{
    public static readonly string[] DemoUsers = ["admin", "secretary", "liaison", "member", "gridworker", "resident", "resident2"];

    private readonly ConcurrentDictionary<string, Task<HttpClient>> _clients = new();

    public PortalHost Portal { get; } = new();

    public IReadOnlyList<PortalEndpoint> Endpoints => PortalEndpoint.All(Portal.Services);

    public ValueTask InitializeAsync()
    {
        _ = Portal.Services; // starts the server: migrations and demo data
        return ValueTask.CompletedTask;
    }

    /// <summary>A client without cookies that does not follow redirects.</summary>
    public HttpClient Anonymous() =>
        Portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>A client signed in through the real sign-in form, shared by the tests of the fixture.</summary>
    public Task<HttpClient> SignedInAsync(string userName) => _clients.GetOrAdd(userName, async name =>
    {
        var client = Portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await PortalClient.SignInAsync(client, name);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.OrdinalIgnoreCase) != false)
            throw new InvalidOperationException($"Sign-in of {name} failed: {(int)response.StatusCode} {response.Headers.Location}");
        return client;
    });

    /// <summary>Whether the user passes the endpoint's policies, by the app's own evaluation; used only for policies the tests have no table for.</summary>
    public Task<bool> PassesAsync(string userName, PortalEndpoint endpoint) => endpoint.AdmitsAsync(Portal.Services, userName);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
            if (client.IsCompletedSuccessfully) client.Result.Dispose();
        await Portal.DisposeAsync();
    }
}
