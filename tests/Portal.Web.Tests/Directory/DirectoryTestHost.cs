using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using Portal.Web.Data.Identity;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Kit.Callers;

// Not "...Tests.Directory": that namespace would hide System.IO.Directory from the other test folders.
namespace Portal.Web.Tests.DirectoryFeature;

/// <summary>
/// The portal with its demo data, shared by the tests of one class. Tests change different rows (own door
/// numbers, buildings, unit names), so they do not depend on each other's order.
/// </summary>
public sealed class DirectoryTestHost : IDisposable
{
    static DirectoryTestHost() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public PortalHost Portal { get; } = new();

    /// <summary>
    /// A service scope acting as the given demo user, the way a circuit or request does: the user's principal
    /// (built by the real claims factory) is the <see cref="CurrentActor"/> of the calling flow, which runs in
    /// Chinese. Synchronous on purpose: async-local values and cultures set inside an async method would not
    /// flow back to the caller.
    /// </summary>
    public AsyncServiceScope ActAs(string userName)
    {
        var scope = Portal.Services.CreateAsyncScope();
        var principal = Task.Run(async () =>
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No demo user {userName}");
            return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
        }).GetAwaiter().GetResult();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Principal = principal;
        scope.ServiceProvider.GetRequiredService<CallerScope>().Set(principal);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
        return scope;
    }

    public async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var db = await Portal.NewDbContextAsync();
        return await query(db);
    }

    /// <summary>An HTTP client with its own cookies, signed in as the user (or anonymous when null).</summary>
    public async Task<HttpClient> ClientAsync(string? userName)
    {
        var client = Portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (userName is not null)
        {
            var response = await PortalClient.SignInAsync(client, userName);
            if ((int)response.StatusCode != 302) throw new InvalidOperationException($"Sign-in of {userName} answered {(int)response.StatusCode}");
        }
        return client;
    }

    public static byte[] Utf8(string text, bool bom) => bom ? [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text);

    public static byte[] Gb18030(string text) => Encoding.GetEncoding("GB18030").GetBytes(text);

    public void Dispose() => Portal.Dispose();
}
