using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Portal.Testing;

namespace Portal.Web.Tests.Platform;

/// <summary>/health reports whether the database answers, without sign-in.</summary>
public sealed class HealthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_reports_the_database_reachable_then_unreachable_when_its_folder_is_gone()
    {
        using var host = new PortalHost();
        var client = host.CreateClient(new() { AllowAutoRedirect = false });

        using (var healthy = await client.GetAsync("/health", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
            using var report = JsonDocument.Parse(await healthy.Content.ReadAsStringAsync(Ct));
            Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
            var database = Assert.Single(report.RootElement.GetProperty("checks").EnumerateArray());
            Assert.Equal("database", database.GetProperty("name").GetString());
            Assert.Equal("Healthy", database.GetProperty("status").GetString());
        }

        // Take the database away: SQLite cannot even create a new file in a folder that does not exist.
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(host.DataDirectory, recursive: true);

        using var unhealthy = await client.GetAsync("/health", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unhealthy.StatusCode);
        var body = await unhealthy.Content.ReadAsStringAsync(Ct);
        using var failed = JsonDocument.Parse(body);
        Assert.Equal("Unhealthy", failed.RootElement.GetProperty("status").GetString());
        Assert.DoesNotContain(host.DataDirectory, body); // no paths or exception text for anonymous callers
    }
}
