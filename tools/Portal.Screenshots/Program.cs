// Usage: dotnet run --project tools/Portal.Screenshots [output directory, default docs/images] [--url http://localhost:5180]
//        [--meetings <live>,<next>,<held>]   (with --url: the ids of the meeting in progress, the next one and the last held one)
// Without --url it starts the portal with demo data on a throw-away SQLite file; with --url it photographs a portal
// already running (e.g. started with the README's `dotnet run --project src/Portal.Web`). Either way it signs in as the
// demo users and saves one PNG per user-guide page. Needs Debian's chromium (or PORTAL_CHROMIUM) and fonts-noto-cjk.
using Microsoft.Playwright;
using Portal.Screenshots;
using Portal.Testing;
using Portal.Web.Features.Councils.Display;

var urlAt = Array.IndexOf(args, "--url");
var url = urlAt >= 0 && urlAt + 1 < args.Length ? new Uri(args[urlAt + 1]) : null;
var meetingsAt = Array.IndexOf(args, "--meetings");
var meetingIds = meetingsAt >= 0 && meetingsAt + 1 < args.Length ? args[meetingsAt + 1] : null;
var options = new[] { urlAt, urlAt + 1, meetingsAt, meetingsAt + 1 }.Where(i => i >= 0 && (i == urlAt || i == urlAt + 1 ? urlAt >= 0 : meetingsAt >= 0)).ToHashSet();
var positional = args.Where((_, i) => !options.Contains(i)).ToArray();
var output = Path.GetFullPath(positional.Length > 0 ? positional[0] : Path.Combine("docs", "images"));
Directory.CreateDirectory(output);
// WebApplicationFactory finds the portal's content root through the manifest next to this program.
Environment.CurrentDirectory = AppContext.BaseDirectory;

using var host = url is null ? new PortalHost(useKestrel: true) : null;
var baseAddress = url ?? host!.BaseAddress;
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = Environment.GetEnvironmentVariable("PORTAL_CHROMIUM") ?? "/usr/bin/chromium",
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});

// Council pages name meetings by id; with a local portal they are looked up in its demo data (the meeting in progress,
// the next one collecting topics, the last one held), and the projector gets a display link made by the secretary.
var meetings = host is not null ? await CouncilShots.MeetingsAsync(host) : meetingIds is not null ? CouncilShots.Parse(meetingIds) : null;
if (meetings is null) Console.WriteLine("--url without --meetings: council meeting pages and the projector are skipped (their ids come from the demo data)");

(string User, string Path, string File, string? Culture)[] allShots =
[
    ("", "/account/login", "login.png", null),
    ("secretary", "/", "home.png", null),
    ("secretary", "/announcements", "announcements.png", null),
    ("secretary", "/directory/households", "households.png", null),
    ("secretary", "/directory/units", "units.png", null),
    ("secretary", "/directory/import", "import.png", null),
    ("secretary", "/reporting", "coming.png", null),
    ("secretary", "/councils/1", "council.png", null),
    ("secretary", "/councils/1/settings", "council-settings.png", null),
    ("secretary", "/lists", "needs.png", null),
    ("secretary", "/lists/items/1", "need-detail.png", null),
    ("secretary", "/lists/resources", "resources.png", null),
    ("secretary", "/lists/projects", "projects.png", null),
    ("secretary", "/lists/dashboard", "dashboard.png", null),
    ("secretary", "/lists/rules", "rules.png", null),
    ("secretary", "/lists/commitments", "commitments.png", null),
    ("secretary", "/lists/commitments/ledger", "ledger.png", null),
    ("member", "/lists/commitments/new", "commitment-new.png", null),
    ("secretary", "/announcements/new", "announcement-editor.png", null),
    ("resident", "/lists/board", "board.png", null),
    ("resident", "/lists", "needs-resident.png", null),
    ("admin", "/admin/accounts", "accounts.png", null),
    ("admin", "/admin/audit", "audit.png", null),
    ("resident", "/", "home-resident.png", null),
    ("resident", "/admin/accounts", "denied.png", null),
    ("secretary", "/", "home-en.png", "en"),
    ("secretary", "/councils/meetings/{live}", "meeting-live.png", null),
    ("", "{projector}", "projector.png", null),
    ("liaison", "/councils/meetings/{next}/topics", "topics.png", null),
    ("gridworker", "/councils/meetings/{held}/minutes", "minutes.png", null),
    ("secretary", "/councils/1/review", "review.png", null),
];
var shots = allShots
    .Select(s => (s.User, Path: meetings?.Resolve(s.Path) ?? s.Path, s.File, s.Culture))
    .Where(s => !s.Path.Contains('{', StringComparison.Ordinal))
    .ToList();

foreach (var (user, path, file, culture) in shots)
    await ShootAsync(user, path, file, culture, phone: false);

// The resident's pages at a phone's size (390×844, touch), as residents mostly see them; the last with the menu open.
// The rating page needs one of the resident's own needs reported back (the demo data has none waiting: one is brought
// there through the services, on the throw-away database only); the check-in page the meeting in progress.
int? toRate = host is not null ? await ResidentNeeds.RaiseAsync(host, "3号楼楼道声控灯不亮", reported: true) : null;
(string User, string Path, string File)[] allPhoneShots =
[
    ("resident", "/", "home-resident-phone.png"),
    ("resident", "/lists/needs/new", "raise-need-phone.png"),
    ("resident", "/lists/needs", "my-needs-phone.png"),
    ("resident", toRate is { } id ? $"/lists/items/{id}" : "{rate}", "rate-phone.png"),
    ("resident", "/lists/board", "board-phone.png"),
    ("resident", "/announcements", "announcements-phone.png"),
    ("member", "/lists/commitments/new", "commitment-new-phone.png"),
    ("gridworker", "/councils/meetings/{live}/check-in", "check-in-phone.png"),
    ("resident", "/", "menu-phone.png"),
];
var phoneShots = allPhoneShots
    .Select(s => (s.User, Path: meetings?.Resolve(s.Path) ?? s.Path, s.File))
    .Where(s => !s.Path.Contains('{', StringComparison.Ordinal))
    .ToList();
foreach (var (user, path, file) in phoneShots)
    await ShootAsync(user, path, file, culture: null, phone: true);

// The voting pages (issue 13): votes brought about through the services on the throw-away database only (VoteShots). The
// owner's phone: their votes, a ballot at its confirmation, the receipt of a secret ballot, a result; staff at the desk:
// the draft form, the vote under way with its roll, a paper ballot being entered, the projector, a closed vote's verdict.
if (host is not null)
{
    var votes = await VoteShots.ArrangeAsync(host);
    (string User, string Path, string File, bool Phone, Func<IPage, Task>? Prepare)[] voteShots =
    [
        (votes.Owner, "/votes/mine", "votes-mine-phone.png", true, null),
        (votes.Owner, "/votes/{vote-open}/ballot", "ballot-phone.png", true, page => page.ClickAsync("[data-testid=ballot-option-0]")),
        ("resident", "/votes/{vote-secret}/ballot", "receipt-phone.png", true, async page =>
        {
            await page.ClickAsync("[data-testid=ballot-option-0]");
            await page.ClickAsync("[data-testid=ballot-cast]");
            await page.WaitForSelectorAsync("[data-testid=receipt-code]");
        }),
        (votes.Owner, "/votes/{vote-closed}/result", "vote-result-phone.png", true, null),
        ("secretary", "/votes/new", "vote-new.png", false, null),
        ("secretary", "/votes/{vote-open}", "vote-staff.png", false, null),
        ("gridworker", "/votes/{vote-open}", "vote-paper-entry.png", false, async page =>
        {
            var row = page.Locator("[data-testid=roll-row][data-voted=false]").First;
            await row.Locator("[data-testid=entry-kind-PaperBallot]").ClickAsync();
            await row.Locator("[data-testid=entry-paper-number]").ScrollIntoViewIfNeededAsync();
        }),
        ("secretary", "/votes/{vote-open}/display", "vote-projector.png", false, null),
        ("secretary", "/votes/{vote-closed}", "vote-verdict.png", false, null),
    ];
    foreach (var (user, path, file, phone, prepare) in voteShots)
        await ShootAsync(user, votes.Resolve(path), file, culture: null, phone, prepare);

    // The seven-step sessions (issue 13), from the demo data: the secretary's timeline at the desk and the evidence picker
    // on a phone; a resident's view of the session, of a public notice with its objection form, of a meeting's record,
    // and raising a matter.
    var deliberation = await DeliberationShots.FindAsync(host);
    (string User, string Path, string File, bool Phone, Func<IPage, Task>? Prepare)[] deliberationShots =
    [
        ("secretary", "/deliberation/matters", "matters.png", false, null),
        ("secretary", "/deliberation/sessions/{session}", "session-timeline.png", false, null),
        ("secretary", "/deliberation/sessions/{session}", "complete-step-phone.png", true, async page =>
        {
            await page.ClickAsync("[data-testid=complete-step]");
            await page.WaitForSelectorAsync("[data-testid=complete-step-dialog]");
        }),
        ("resident", "/deliberation/sessions/{session}", "session-phone.png", true, null),
        ("resident", "/deliberation/notices/{notice}", "notice-phone.png", true, null),
        ("resident", "/deliberation/meetings/{meeting}", "deliberation-meeting-phone.png", true, null),
        ("resident", "/deliberation/matters/new", "raise-matter-phone.png", true, null),
    ];
    foreach (var (user, path, file, phone, prepare) in deliberationShots)
        await ShootAsync(user, deliberation.Resolve(path), file, culture: null, phone, prepare);
}

async Task ShootAsync(string user, string path, string file, string? culture, bool phone, Func<IPage, Task>? prepare = null)
{
    await using var context = await browser.NewContextAsync(new()
    {
        BaseURL = baseAddress.ToString(), Locale = "zh-CN",
        ViewportSize = phone ? new() { Width = 390, Height = 844 } : new() { Width = 1366, Height = 768 },
        IsMobile = phone, HasTouch = phone,
    });
    var page = await context.NewPageAsync();
    if (culture is not null)
        await page.GotoAsync($"/culture/set?culture={culture}&returnUrl=%2Faccount%2Flogin");
    if (user.Length > 0)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", PortalHost.DemoPassword);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
    }
    await page.GotoAsync(path);
    if (user.Length > 0)
        await page.WaitForFunctionAsync("() => document.querySelector('[data-circuit-ready]') !== null");
    else if (path.StartsWith(DisplayLink.PagePath, StringComparison.Ordinal))
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=display-connection]')?.dataset.state === 'connected'");
    await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    if (file.StartsWith("menu-", StringComparison.Ordinal))
    {
        await page.ClickAsync("[data-testid=nav-toggle]");
        await page.WaitForSelectorAsync(".mud-drawer--open");
        await page.WaitForTimeoutAsync(400); // the drawer slides in
    }
    if (prepare is not null)
    {
        await prepare(page);
        await page.WaitForTimeoutAsync(400); // the page settles after the step (a form opening, a confirmation)
    }
    await page.ScreenshotAsync(new() { Path = Path.Combine(output, file) });
    Console.WriteLine($"{file}: {user} {path}{(phone ? " (phone)" : "")}");
}
