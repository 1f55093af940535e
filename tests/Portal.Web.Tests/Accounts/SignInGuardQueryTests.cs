using Portal.Testing;

namespace Portal.Web.Tests.Accounts;

/// <summary>
/// What one sign-in asks of the database to count failures (decision 0013's limits). A wrong password is weighed twice —
/// when the attempt is admitted and when its failure may start a pause or lock — and each weighing is one query for both
/// counts (this address's and the user name's), not a count each after a look-up of the latest pause and lock each.
/// </summary>
public sealed class SignInGuardQueryTests : IDisposable
{
    private const string CommandCategory = "Microsoft.EntityFrameworkCore.Database.Command";

    private readonly PortalHost _host = new(useKestrel: true, settings: new Dictionary<string, string?>
    {
        // The SQL the portal runs is logged at information level; the app's own settings keep it at warning.
        ["Logging:LogLevel:" + CommandCategory] = "Information",
    });

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_wrong_password_counts_the_failures_in_one_query_when_admitted_and_one_when_weighed()
    {
        var (client, _) = PortalClient.Create(_host.BaseAddress);
        using (client)
        {
            // A first sign-in warms the app up (demo data, caches), so only this attempt's queries are looked at.
            await TestAccounts.LoginErrorAsync(await PortalClient.SignInAsync(client, "secretary", "Wrong-password0"));
            var before = _host.Logs.Entries.Count;

            var error = await TestAccounts.LoginErrorAsync(await PortalClient.SignInAsync(client, "secretary", "Wrong-password1"));

            Assert.Equal("用户名或密码错误。", error);
            var commands = _host.Logs.Entries.Skip(before).Where(e => e.Category == CommandCategory).Select(e => e.Message).ToList();
            var counts = commands.Where(c => c.Contains("\"SignInFailures\"", StringComparison.Ordinal) && c.Contains("COUNT(", StringComparison.Ordinal)).ToList();
            Assert.True(counts.Count == 2, $"{counts.Count} count queries for one wrong password:\n{string.Join("\n\n", counts)}");
            var latestLockLookups = commands.Count(c => c.Contains("\"SignInLocks\"", StringComparison.Ordinal) && !c.Contains("\"SignInFailures\"", StringComparison.Ordinal)
                && c.Contains("\"StartsAtUtc\" DESC", StringComparison.Ordinal));
            Assert.Equal(0, latestLockLookups);
        }
    }
}
