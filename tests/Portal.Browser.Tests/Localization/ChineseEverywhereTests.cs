using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.Browser.Tests.Localization;

/// <summary>
/// Every page of the portal, in Chromium and in zh-CN, as each person who may open it: no English may be left (issue 10,
/// item 8). Pages come from the app's routing and route values from the demo data, so a page added later is checked
/// without being listed here; the allow-list of Latin words is <see cref="LatinWords.Allowed"/>.
/// </summary>
public sealed class ChineseEverywhereTests(BrowserFixture browser, PortalServerFixture server, ITestOutputHelper output) : IClassFixture<PortalServerFixture>
{
    /// <summary>
    /// Who opens the pages: the street administrator sees the most, the first community's secretary is its council's
    /// secretariat (steering and minutes), and a resident sees what the public sees. Each opens every page its policies admit.
    /// </summary>
    private static readonly string[] Users = ["admin", "secretary", "resident"];

    /// <summary>
    /// Who must be shown every page their policies admit, with the demo values of the first community: the street
    /// administrator, and that community's secretary. A resident may be refused a page (another person's need, the
    /// steering of a meeting); the refusal is checked for English too.
    /// </summary>
    private static readonly string[] SeeEverything = ["admin", "secretary"];

    private const string Anonymous = "(anonymous)";

    /// <summary>Pages whose purpose is to say that something went wrong; they are checked for English like any other.</summary>
    private static readonly HashSet<string> ErrorPages = ["/error", "/not-found", "/account/denied"];

    /// <summary>Pages the demo cannot show at their own address, and the test that checks them instead.</summary>
    private static readonly Dictionary<string, string> CheckedElsewhere = new()
    {
        ["/setup"] = $"shown only before the first administrator exists: {nameof(The_first_run_setup_page_speaks_Chinese)}",
    };

    /// <summary>
    /// Pages that send some people on to the page meant for them, and where: the staff page of a vote sends a resident to
    /// their ballot (which is checked at its own address).
    /// </summary>
    private static readonly Dictionary<string, string> SendsOnward = new()
    {
        ["/votes/{Id:int}"] = "/ballot",
    };

    /// <summary>
    /// What a page shows when the person may not see the thing asked for, or it does not exist (the portal does not
    /// tell the two apart). By convention such a message carries a data-testid ending in one of these; a page that
    /// answers 404 shows the portal's "not found" page (page-not-found).
    /// </summary>
    private const string RefusedSelector = "[data-testid=access-denied], [data-testid=page-not-found], [data-testid$=-not-found], [data-testid$=-refused], [data-testid$=-missing]";

    [Fact]
    public async Task Every_page_speaks_Chinese_to_everyone_who_can_open_it()
    {
        var portal = server.Portal;
        var routeValues = await DemoRouteValues.LoadAsync(portal);
        var pages = PortalEndpoint.All(portal.Services).Where(e => e.IsPage && e.Methods.Contains("GET")).ToList();
        Assert.True(pages.Count > 30, $"only {pages.Count} pages found");

        var problems = new List<string>();
        var findings = new List<(string Word, PageTextPiece Piece, string Where)>();
        var visits = new List<Visit>();
        var pagesOf = new Dictionary<string, IPage>();
        var contexts = new List<IBrowserContext>();
        var clock = Stopwatch.StartNew();
        try
        {
            foreach (var endpoint in pages)
            {
                if (CheckedElsewhere.TryGetValue(endpoint.Pattern, out var elsewhere))
                {
                    output.WriteLine($"{endpoint.Pattern}: {elsewhere}");
                    continue;
                }
                var paths = routeValues.PathsOf(endpoint, out var missing);
                if (missing is not null)
                {
                    problems.Add(missing);
                    continue;
                }
                var users = endpoint.AllowsAnonymous ? new List<string> { Anonymous } : await AdmittedAsync(endpoint);
                if (users.Count == 0)
                {
                    problems.Add($"{endpoint.Pattern}: none of {string.Join(", ", Users)} may open it; add a user who may to {nameof(Users)}");
                    continue;
                }
                foreach (var path in paths)
                foreach (var user in users)
                {
                    if (!pagesOf.TryGetValue(user, out var page))
                    {
                        var context = await browser.NewContextAsync(server.BaseAddress);
                        contexts.Add(context);
                        page = user == Anonymous ? await context.NewPageAsync() : await PortalPage.SignedInPageAsync(context, user);
                        pagesOf[user] = page;
                    }
                    var visit = await VisitAsync(page, endpoint, path, user);
                    visits.Add(visit);
                    output.WriteLine($"{user,-12} {path.Path,-45} {visit.Outcome,-9} {visit.Milliseconds,5} ms{(visit.Problem is null ? "" : "  " + visit.Problem)}");
                    if (visit.Problem is not null) problems.Add($"{path.Path} as {user} ({path.Description}): {visit.Problem}");
                    else if (visit.Outcome == Outcome.Refused && SeeEverything.Contains(user) && !ErrorPages.Contains(endpoint.Pattern))
                        problems.Add($"{path.Path} as {user} ({path.Description}): refused, though {user} may see every page with the first community's data");
                    foreach (var piece in visit.Text)
                    foreach (var word in LatinWords.Find(piece.Text))
                        findings.Add((word, piece, $"{path.Path} as {user}"));
                }
            }
        }
        finally
        {
            foreach (var context in contexts) await context.DisposeAsync();
        }

        // A page that refused everyone was never really looked at: its demo value is wrong, or the demo lacks one.
        foreach (var path in visits.GroupBy(v => v.Path.Path).Where(g => !ErrorPages.Contains(g.First().Pattern) && g.All(v => v.Outcome != Outcome.Shown)))
            problems.Add($"{path.Key} ({path.First().Path.Description}) was shown to nobody: {string.Join(", ", path.Select(v => $"{v.User} {v.Outcome}"))}");

        output.WriteLine($"{visits.Count} visits of {visits.Select(v => v.Path.Path).Distinct().Count()} paths ({pages.Count} page patterns) in {clock.Elapsed.TotalSeconds:0} s");
        output.WriteLine("Pages shown: " + string.Join(", ", visits.Where(v => v.Outcome == Outcome.Shown).Select(v => v.Pattern).Distinct()));

        var english = findings
            .GroupBy(f => (f.Piece.Where, f.Piece.Text))
            .Select(g => $"{string.Join(", ", g.Select(f => f.Word).Distinct())}  in {g.Key.Where} \"{Shorten(g.Key.Text)}\"  on {Places(g.Select(f => f.Where).Distinct().ToList())}")
            .ToList();
        Assert.True(problems.Count == 0 && english.Count == 0,
            $"English in the Chinese UI ({english.Count}):{Environment.NewLine}{string.Join(Environment.NewLine, english)}{Environment.NewLine}" +
            $"Problems ({problems.Count}):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [Fact]
    public async Task The_first_run_setup_page_speaks_Chinese()
    {
        using var fresh = new PortalHost(useKestrel: true, settings: new Dictionary<string, string?> { ["Database:SeedDemoData"] = "false" }, environment: Environments.Production);
        await using var context = await browser.NewContextAsync(fresh.BaseAddress);
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/setup");

        Assert.Equal(200, response?.Status);
        Assert.EndsWith("/setup", new Uri(page.Url).AbsolutePath);
        var english = (await PageText.ReadAsync(page)).SelectMany(p => LatinWords.Find(p.Text).Select(w => $"{w} in {p.Where} \"{p.Text}\"")).ToList();
        Assert.True(english.Count == 0, string.Join(Environment.NewLine, english));
    }

    private async Task<List<string>> AdmittedAsync(PortalEndpoint endpoint)
    {
        var admitted = new List<string>();
        foreach (var user in Users)
            if (await endpoint.AdmitsAsync(server.Portal.Services, user)) admitted.Add(user);
        return admitted;
    }

    private static async Task<Visit> VisitAsync(IPage page, PortalEndpoint endpoint, DemoPath path, string user)
    {
        var clock = Stopwatch.StartNew();
        var errors = new List<(string Text, string? Url)>();
        void OnConsole(object? sender, IConsoleMessage message)
        {
            if (message.Type == "error") errors.Add((message.Text, message.Location));
        }
        void OnPageError(object? sender, string error) => errors.Add((error, null));
        page.Console += OnConsole;
        page.PageError += OnPageError;
        try
        {
            // Generous: the machine running the suite may be busy, and what counts is what the page says once it is there.
            var response = await page.GotoAsync(path.Path, new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 30_000 });
            var status = response?.Status ?? 0;
            var landed = new Uri(page.Url).AbsolutePath;
            string? problem = null;
            if (!landed.Equals(path.Path, StringComparison.OrdinalIgnoreCase)
                && !(SendsOnward.TryGetValue(endpoint.Pattern, out var onward) && landed.Equals(path.Path + onward, StringComparison.OrdinalIgnoreCase)))
                problem = $"went to {landed} instead";
            else if (status >= 400 && !ErrorPages.Contains(endpoint.Pattern) && !(status == 404 && await IsRefusalAsync(page)))
                problem = $"answered {status}";
            else
            {
                if (!endpoint.IsStaticPage && status < 400) await PortalPage.WaitForCircuitAsync(page);
                await PortalPage.WaitUntilLoadedAsync(page);
                await SettleAsync(page);
            }
            var refused = await IsRefusalAsync(page);
            // A refusal answered as 404 is logged by the browser as a failed load of the page itself; that one is intended.
            errors.RemoveAll(e => status == 404 && refused && e.Url is { } url && url.StartsWith(page.Url, StringComparison.Ordinal));
            if (problem is null && errors.Count > 0) problem = "browser errors: " + string.Join(" | ", errors.Select(e => e.Url is null ? e.Text : $"{e.Text} ({e.Url})").Distinct());
            var text = await PageText.ReadAsync(page);
            var outcome = problem is not null ? Outcome.Error : refused ? Outcome.Refused : Outcome.Shown;
            return new Visit(endpoint.Pattern, path, user, outcome, problem, text, clock.ElapsedMilliseconds);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            return new Visit(endpoint.Pattern, path, user, Outcome.Error, e.Message.Split('\n')[0], [], clock.ElapsedMilliseconds);
        }
        finally
        {
            page.Console -= OnConsole;
            page.PageError -= OnPageError;
        }
    }

    private static async Task<bool> IsRefusalAsync(IPage page) => await page.Locator(RefusedSelector).CountAsync() > 0;

    /// <summary>Waits until the page's text stops changing (a list filled in, a chart drawn), at most two seconds.</summary>
    private static async Task SettleAsync(IPage page)
    {
        var previous = -1;
        for (var i = 0; i < 20; i++)
        {
            var length = await page.EvaluateAsync<int>("() => document.body.innerText.length");
            if (length == previous) return;
            previous = length;
            await Task.Delay(100);
        }
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 100 ? line : line[..97] + "...";
    }

    private static string Places(IReadOnlyList<string> places) =>
        places.Count <= 4 ? string.Join("; ", places) : string.Join("; ", places.Take(4)) + $"; and {places.Count - 4} more";

    private enum Outcome { Shown, Refused, Error }

    private sealed record Visit(string Pattern, DemoPath Path, string User, Outcome Outcome, string? Problem, IReadOnlyList<PageTextPiece> Text, long Milliseconds);
}
