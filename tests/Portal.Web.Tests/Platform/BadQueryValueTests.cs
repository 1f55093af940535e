using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Portal.Web.Components.Shared;
using Portal.Testing;
using Portal.Web.Tests.Authorization;

namespace Portal.Web.Tests.Platform;

/// <summary>
/// Issue 10, item 3: <c>?community=abc</c> on /lists/board, <c>?org=</c> and <c>?year=</c> on the ledger and
/// <c>/account/login?signedOut=abc</c> answered 500, because a query parameter bound to <c>int?</c> throws while the
/// page renders (and ends a reader's circuit when reached through a link). Every page is requested with bad values for
/// every query parameter any page reads, found by reflection, so a page added later is covered too.
/// </summary>
public sealed class BadQueryValueTests(DemoPortalFixture portal) : IClassFixture<DemoPortalFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] BadValues = ["abc", "", "99999999999999999999", "-1", "1.5", "%00", "%E4%B8%AD", "1,2", "0x10"];

    /// <summary>The query parameters the /lists pages read through ListQueryString (not bound by attribute).</summary>
    private static readonly string[] ListQueryNames = ["kind", "status", "category", "grid", "unit", "deadline", "from", "to", "metric", "part", "q", "mine"];

    private IReadOnlyList<PortalEndpoint> Pages => portal.Endpoints.Where(e => e.IsPage).ToList();

    /// <summary>Every name a page binds with [SupplyParameterFromQuery], and the list query string's names.</summary>
    private IReadOnlyList<string> QueryNames() => Pages
        .Select(p => p.Endpoint.Metadata.GetMetadata<ComponentTypeMetadata>()!.Type)
        .Distinct()
        .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        .Select(p => p.GetCustomAttribute<SupplyParameterFromQueryAttribute>() is { } a ? a.Name ?? p.Name : null)
        .OfType<string>()
        .Concat(ListQueryNames)
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .ToList();

    [Fact]
    public void The_pages_read_the_query_parameters_named_in_the_issue()
    {
        var names = QueryNames();

        Assert.Contains("community", names);
        Assert.Contains("org", names);
        Assert.Contains("year", names);
        Assert.Contains("signedOut", names);
    }

    public static TheoryData<string> Users() => ["", "admin", "secretary", "resident"];

    [Theory]
    [MemberData(nameof(Users))]
    public async Task No_page_answers_a_server_error_for_a_bad_query_value(string user)
    {
        var client = user == "" ? portal.Anonymous() : await portal.SignedInAsync(user);
        var names = QueryNames();
        var failures = new List<string>();
        foreach (var page in Pages)
        {
            foreach (var value in BadValues)
            {
                var query = string.Join('&', names.Select(n => n + "=" + value));
                var path = page.SamplePath() + "?" + query;
                using var response = await client.GetAsync(path, Ct);
                if ((int)response.StatusCode >= 500) failures.Add($"{(int)response.StatusCode} {path}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The query parameters the file endpoints read (minimal APIs, not discoverable by attribute).</summary>
    private static readonly string[] ApiQueryNames = ["org", "year", "format", "from", "to", "action", "user", "entityType", "entityId", "edition"];

    [Theory]
    [MemberData(nameof(Users))]
    public async Task No_file_endpoint_answers_a_server_error_for_a_bad_query_value(string user)
    {
        var client = user == "" ? portal.Anonymous() : await portal.SignedInAsync(user);
        var names = QueryNames().Concat(ApiQueryNames).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var endpoints = portal.Endpoints.Where(e => e.IsApi && !e.Pattern.StartsWith("/hubs", StringComparison.Ordinal) && e.Methods.Contains("GET")).ToList();
        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            foreach (var value in BadValues)
            {
                var path = endpoint.SamplePath() + "?" + string.Join('&', names.Select(n => n + "=" + value));
                using var response = await client.GetAsync(path, Ct);
                if ((int)response.StatusCode >= 500) failures.Add($"{(int)response.StatusCode} {path}");
            }
        }

        Assert.NotEmpty(endpoints);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("/lists/board?community=abc")]
    [InlineData("/lists/commitments/ledger?org=&year=abc")]
    [InlineData("/lists/commitments/ledger?org=abc&year=99999999999")]
    public async Task The_pages_named_in_the_issue_open_and_ignore_the_bad_value(string path)
    {
        var client = await portal.SignedInAsync("secretary");

        using var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_ignores_a_bad_signed_out_flag_and_reads_a_good_one()
    {
        using var client = portal.Anonymous();

        using var bad = await client.GetAsync("/account/login?signedOut=abc", Ct);
        using var good = await client.GetAsync("/account/login?signedOut=1", Ct);

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.DoesNotContain("account-notice", await bad.Content.ReadAsStringAsync(Ct));
        Assert.Contains("account-notice", await good.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("12", 12)]
    [InlineData(" 7 ", 7)]
    [InlineData("abc", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("0", null)]
    [InlineData("-1", null)]
    [InlineData("1.5", null)]
    [InlineData("99999999999999999999", null)]
    [InlineData("１２", null)]
    public void Ids_parse_or_are_ignored(string? value, int? expected) => Assert.Equal(expected, QueryValue.Id(value));

    [Theory]
    [InlineData("2026", 2026)]
    [InlineData("26", null)]
    [InlineData("20260", null)]
    [InlineData("year", null)]
    public void Years_parse_or_are_ignored(string? value, int? expected) => Assert.Equal(expected, QueryValue.Year(value));
}
