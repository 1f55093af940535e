using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Domain.Directory;
using Portal.Domain.Voting;
using Portal.Testing;
using Portal.Web.Data;
using Portal.Web.Data.Identity;
using Portal.Web.Features.Voting;
using Portal.Web.Features.Voting.Votes;
using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Live;
using Portal.Web.Kit.Results;
using ResultOutcome = Portal.Web.Kit.Results.Outcome;

namespace Portal.Bench;

/// <summary>Options of the vote scenario (<c>Portal.Bench votes …</c>); see <see cref="Usage"/>.</summary>
public sealed record VoteBenchOptions(int Electors, int Concurrency, IReadOnlyList<string> Databases, IReadOnlyList<Secrecy> Votes, TimeSpan Timeout)
{
    public const string Usage = """
        Portal.Bench votes: electors casting ballots through the real VoteService, each on two channels at once.
          --electors 10000          electors on the roll, each casting once online and once on site (recorded by
                                    the secretary) at the same moment: exactly one of the two must be stored
          --concurrency 32          electors in flight at once (so twice as many casts), as a server's request
                                    queue would let through
          --databases sqlite,postgres   postgres needs PORTAL_TEST_POSTGRES (a role that may create databases);
                                    a fresh database is created and dropped
          --votes named,secret      which votes to run on each database (a residents' meeting, headcount)
          --timeout-seconds 60      how long the page may take to show the last ballot's turnout
        """;

    public static VoteBenchOptions Parse(string[] args)
    {
        var options = new VoteBenchOptions(10_000, 32, ["sqlite", "postgres"], [Secrecy.Named, Secrecy.Secret], TimeSpan.FromSeconds(60));
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--help" or "-h") throw new ArgumentException(Usage);
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            options = args[i] switch
            {
                "--electors" => options with { Electors = PositiveInt(value) },
                "--concurrency" => options with { Concurrency = PositiveInt(value) },
                "--databases" => options with { Databases = List(value, "sqlite", "postgres") },
                "--votes" => options with { Votes = [.. List(value, "named", "secret").Select(v => v == "named" ? Secrecy.Named : Secrecy.Secret)] },
                "--timeout-seconds" => options with { Timeout = TimeSpan.FromSeconds(PositiveInt(value)) },
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
            i++;
        }
        return options;
    }

    private static string[] List(string value, params string[] allowed)
    {
        var items = value.Split(',', StringSplitOptions.RemoveEmptyEntries).Distinct().ToArray();
        return items.Length > 0 && items.All(allowed.Contains)
            ? items
            : throw new ArgumentException($"'{value}' is not a list of {string.Join(", ", allowed)}.\n{Usage}");
    }

    private static int PositiveInt(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"'{text}' is not a positive whole number.\n{Usage}");
}

/// <summary>
/// Issue 13's benchmark: on each database, a roll of N residents (a building of the first demo community, one account
/// each), and per vote every elector casts online as themself while the secretary records them on site at the same
/// moment, both through <see cref="VoteService.CastAsync"/> in a service scope of their own (as a circuit's call).
/// Next to it, in the same run and on the same database, the raw insert rate: N single-row INSERTs of a
/// participation-shaped row, one transaction each, with the same concurrency, through the portal's own connections.
/// A real SignalR client signed in as the secretary watches the vote's channel; the time from a cast's start until the
/// page shows a turnout at least as high as the number of ballots confirmed when that cast returned is the ballot's
/// latency. After the casts: double votes in the answers and in the tables, the page's last turnout, the close, and the
/// published verdict against the choices of the casts that won.
/// </summary>
public static class VoteBench
{
    public static async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        VoteBenchOptions options;
        try
        {
            options = VoteBenchOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }
        Console.WriteLine($"Portal.Bench votes  {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC  {Environment.ProcessorCount} cores  .NET {Environment.Version}  "
            + $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC  load {Report.LoadAverage()}");
        Console.WriteLine($"{options.Electors} electors, {options.Concurrency} in flight (each online and on site at once), votes: {string.Join(", ", options.Votes)}");
        var results = new List<VoteRun>();
        foreach (var database in options.Databases)
        {
            PostgresTestDatabase? postgres = null;
            var settings = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" };
            if (database == "postgres")
            {
                if (TestPostgres.ServerConnectionString is not { } server)
                {
                    Console.WriteLine($"postgres: skipped, {TestPostgres.Variable} is not set");
                    continue;
                }
                postgres = await PostgresTestDatabase.CreateAsync(server, "bench");
                settings["Database:Provider"] = "PostgreSQL";
                settings["Database:ConnectionString"] = postgres.ConnectionString;
            }
            try
            {
                await using var host = new PortalHost(useKestrel: true, settings: settings);
                var started = Stopwatch.GetTimestamp();
                var electorate = await BenchElectorate.CreateAsync(host, options.Electors, ct);
                Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {database}: {options.Electors} residents with accounts in {electorate.BuildingName} ({Stopwatch.GetElapsedTime(started).TotalSeconds:0} s)");
                await RawInserts.CreateTableAsync(host, ct);
                var run = 0;
                foreach (var secrecy in options.Votes)
                {
                    var result = await new VoteRunner(host, electorate, database, secrecy, options, ++run).RunAsync(ct);
                    results.Add(result);
                    result.PrintLine();
                }
            }
            finally
            {
                if (postgres is not null) await postgres.DisposeAsync();
            }
        }
        return VoteRun.Summary(results, options) ? 0 : 1;
    }
}

/// <summary>The benchmark's residents: a building of N flats with one adult each, every one with an account.</summary>
internal sealed record BenchElectorate(int CommunityId, int BuildingId, string BuildingName, IReadOnlyDictionary<int, ClaimsPrincipal> ResidentByPerson, ClaimsPrincipal Secretary)
{
    public static async Task<BenchElectorate> CreateAsync(PortalHost host, int count, CancellationToken ct)
    {
        int community, grid;
        await using (var db = await host.NewDbContextAsync(ct))
        {
            community = await (from u in db.Users
                                join r in db.RoleAssignments on u.Id equals r.UserId
                                where u.UserName == "secretary" && r.Role == PortalRole.CommunitySecretary
                                select r.ScopeId).SingleAsync(ct);
            grid = await db.Grids.Where(g => g.CommunityId == community).OrderBy(g => g.Id).Select(g => g.Id).FirstAsync(ct);
        }
        var building = new Building { GridId = grid, Name = "性能测试楼" };
        await using (var db = await host.NewDbContextAsync(ct))
        {
            db.Buildings.Add(building);
            await db.SaveChangesAsync(ct);
        }
        var people = new List<Person>(count);
        const int chunk = 1000;
        for (var from = 0; from < count; from += chunk)
        {
            await using var db = await host.NewDbContextAsync(ct);
            var batch = Enumerable.Range(from, Math.Min(chunk, count - from)).Select(i =>
            {
                var household = new Household { BuildingId = building.Id, Entrance = $"{i / 1000 + 1}单元", DoorNumber = $"{i % 1000 + 1}", ExclusiveArea = 80m };
                return new Person { Name = $"居民{i + 1:00000}", Household = household, ResidenceCommunityId = community, BirthDate = new DateOnly(1980, 1, 1) };
            }).ToList();
            db.People.AddRange(batch);
            await db.SaveChangesAsync(ct);
            var accounts = batch.Select((p, i) => new PortalUser
            {
                UserName = $"bench{from + i + 1}", NormalizedUserName = $"BENCH{from + i + 1}", DisplayName = p.Name, PersonId = p.Id,
                SecurityStamp = Guid.NewGuid().ToString("N"),
            }).ToList();
            db.Users.AddRange(accounts);
            // Residents of the community, as the demo's "resident" is: they may see its votes.
            db.RoleAssignments.AddRange(accounts.Select(a => new UserRoleAssignment { UserId = a.Id, Role = PortalRole.Resident, Scope = ScopeKind.Community, ScopeId = community }));
            await db.SaveChangesAsync(ct);
            people.AddRange(batch);
        }
        // The principals a sign-in would give them (the app's claims factory), made once, outside the measurement.
        var principals = new System.Collections.Concurrent.ConcurrentDictionary<int, ClaimsPrincipal>();
        await Parallel.ForEachAsync(people.Chunk(250), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (group, t) =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<PortalUser>>();
            var ids = group.Select(p => (int?)p.Id).ToList();
            foreach (var user in await users.Users.Where(u => ids.Contains(u.PersonId)).ToListAsync(t))
                principals[user.PersonId!.Value] = await signIn.CreateUserPrincipalAsync(user);
        });
        return new BenchElectorate(community, building.Id, building.Name, principals, await host.PrincipalAsync("secretary"));
    }
}

/// <summary>The yardstick: single-row INSERTs of a participation-shaped row, each its own transaction, through the portal's connections.</summary>
internal static class RawInserts
{
    public static async Task CreateTableAsync(PortalHost host, CancellationToken ct)
    {
        await using var db = await host.NewDbContextAsync(ct);
        // The shape of VoteParticipations' essentials, with its unique (vote, elector) key.
        await db.Database.ExecuteSqlRawAsync("""
            CREATE TABLE "BenchRawBallots" ("VoteId" integer NOT NULL, "ElectorKey" varchar(64) NOT NULL, "Channel" integer NOT NULL,
                "CastAtUtc" timestamp with time zone NOT NULL, "RecordedByUserId" varchar(64) NOT NULL, PRIMARY KEY ("VoteId", "ElectorKey"))
            """, ct);
    }

    /// <summary>Inserts <paramref name="count"/> rows with <paramref name="concurrency"/> in flight; rows per second.</summary>
    public static async Task<double> RateAsync(PortalHost host, int run, int count, int concurrency, CancellationToken ct)
    {
        var factory = host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (i, t) =>
        {
            await using var db = await factory.CreateDbContextAsync(t);
            var key = $"person:{i}";
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "BenchRawBallots" ("VoteId", "ElectorKey", "Channel", "CastAtUtc", "RecordedByUserId") VALUES ({run}, {key}, {0}, {DateTime.UtcNow}, {"bench"})""", t);
        });
        return count / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}

/// <summary>One vote on one database: create and open it, measure the raw rate, cast, watch the page, close and check.</summary>
internal sealed class VoteRunner(PortalHost host, BenchElectorate electorate, string database, Secrecy secrecy, VoteBenchOptions options, int run)
{
    private readonly object _seenLock = new();
    private long[] _firstSeen = [];
    private int _maxSeen;

    public async Task<VoteRun> RunAsync(CancellationToken ct)
    {
        var result = new VoteRun { Database = database, Secrecy = secrecy, Electors = options.Electors, Concurrency = options.Concurrency };
        var voteId = await OpenVoteAsync(ct);
        var roll = new Dictionary<int, VoteElector>();
        await using (var db = await host.NewDbContextAsync(ct))
            foreach (var e in await db.VoteElectors.AsNoTracking().Where(e => e.VoteId == voteId).ToListAsync(ct)) roll[e.PersonId!.Value] = e;
        if (roll.Count != options.Electors) throw new InvalidOperationException($"The roll has {roll.Count} electors, not {options.Electors}.");

        result.RawInsertsPerSecond = await RawInserts.RateAsync(host, run, options.Electors, options.Concurrency, ct);
        Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {database} {secrecy}: vote {voteId} open, raw inserts {result.RawInsertsPerSecond:0}/s; casting (load {Report.LoadAverage()})");

        _firstSeen = new long[options.Electors + 1];
        await using var page = await SubscribeAsync(voteId, ct);

        // Every elector's two channels, started together; the expected tally from whichever of the two was stored.
        var electors = roll.Values.OrderBy(e => e.Id).ToList();
        var gate = new SemaphoreSlim(options.Concurrency);
        var acknowledged = 0;
        var castMs = new List<double>(options.Electors);
        var latencies = new List<(long Start, int Rank)>(options.Electors);
        var expected = new int[3];
        var receipts = new List<(string Code, int Choice)>();
        var sync = new object();
        var started = Stopwatch.GetTimestamp();
        var tasks = electors.Select(async (elector, i) =>
        {
            await gate.WaitAsync(ct);
            try
            {
                var onlineChoice = i % 3 == 0 ? BallotQuestion.Disagree : BallotQuestion.Agree;
                var onSiteChoice = i % 7 == 0 ? BallotQuestion.Abstain : onlineChoice == BallotQuestion.Agree ? BallotQuestion.Disagree : BallotQuestion.Agree;
                var start = Stopwatch.GetTimestamp();
                var online = CastAsync(electorate.ResidentByPerson[elector.PersonId!.Value], new CastCommand(voteId, BallotChannel.Online, [onlineChoice]), ct);
                var onSite = CastAsync(electorate.Secretary, new CastCommand(voteId, BallotChannel.OnSite, [onSiteChoice], elector.Id), ct);
                var answers = await Task.WhenAll(online, onSite);
                var rank = Interlocked.Increment(ref acknowledged);
                var took = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                lock (sync)
                {
                    castMs.Add(took);
                    var stored = answers.Count(a => a.Result?.Succeeded == true);
                    if (stored > 1) result.DoubleVotes++;
                    if (stored == 0) result.Lost++;
                    result.Errors += answers.Count(a => a.Error is not null);
                    result.RefusedSecond += answers.Count(a => a.Result is { Succeeded: false, Outcome: ResultOutcome.Conflict });
                    result.OtherRefusals += answers.Count(a => a.Result is { Succeeded: false } r && r.Outcome != ResultOutcome.Conflict);
                    var winner = Array.FindIndex(answers, a => a.Result?.Succeeded == true);
                    if (winner >= 0)
                    {
                        var choice = winner == 0 ? onlineChoice : onSiteChoice;
                        expected[choice]++;
                        if (winner == 0) result.WonOnline++;
                        if (answers[winner].Result!.Value!.ReceiptCode is { } code) receipts.Add((code, choice));
                        latencies.Add((start, rank));
                    }
                    if (answers.Select(a => a.Error).FirstOrDefault(e => e is not null) is { } error && result.FirstError is null) result.FirstError = error;
                }
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        await Task.WhenAll(tasks);
        var castSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var stored = expected.Sum();
        result.BallotsPerSecond = stored / castSeconds;
        result.CastSeconds = castSeconds;
        result.CastP95Ms = Percentile(castMs, 0.95);

        // The page: wait for the last turnout, then each ballot's time to a turnout that includes it.
        var waitUntil = Stopwatch.GetTimestamp() + (long)(options.Timeout.TotalSeconds * Stopwatch.Frequency);
        while (Volatile.Read(ref _maxSeen) < stored && Stopwatch.GetTimestamp() < waitUntil) await Task.Delay(20, ct);
        result.PageLastTurnout = Volatile.Read(ref _maxSeen);
        var pageMs = new List<double>(latencies.Count);
        foreach (var (start, rank) in latencies)
        {
            var seen = Volatile.Read(ref _firstSeen[Math.Min(rank, _firstSeen.Length - 1)]);
            if (seen == 0) result.MissingOnPage++;
            else pageMs.Add(Math.Max(0, Stopwatch.GetElapsedTime(start, seen).TotalMilliseconds));
        }
        result.PageP50Ms = Percentile(pageMs, 0.50);
        result.PageP95Ms = Percentile(pageMs, 0.95);
        result.PageMaxMs = pageMs.Count > 0 ? pageMs.Max() : double.NaN;

        // The tables: one participation and one ballot per elector who voted, no elector twice.
        await using (var db = await host.NewDbContextAsync(ct))
        {
            result.StoredParticipations = await db.VoteParticipations.CountAsync(p => p.VoteId == voteId, ct);
            result.StoredBallots = secrecy == Secrecy.Secret
                ? await db.SecretBallots.CountAsync(b => b.VoteId == voteId, ct)
                : await db.NamedBallots.CountAsync(b => b.VoteId == voteId, ct);
            result.DoubleVotes += await db.VoteParticipations.Where(p => p.VoteId == voteId).GroupBy(p => p.ElectorKey).CountAsync(g => g.Count() > 1, ct);
            // One per batch of ballots written together (decision 0037): casts divided by this is the mean batch.
            result.TurnoutEvents = await db.LiveEvents.CountAsync(e => e.Channel == VoteChannels.For(voteId) && e.Type == VoteChannels.Turnout, ct);
            if (secrecy == Secrecy.Named)
                result.DoubleVotes += await db.NamedBallots.Where(b => b.VoteId == voteId).GroupBy(b => b.ElectorKey).CountAsync(g => g.Count() > 1, ct);
        }

        // The close (a secret vote's last re-seal of all its ballots runs in it) and the published count.
        var closeStarted = Stopwatch.GetTimestamp();
        var closed = await AsSecretaryAsync(async s =>
        {
            Guid version;
            await using (var db = await host.NewDbContextAsync(ct)) version = await db.Votes.Where(v => v.Id == voteId).Select(v => v.Version).SingleAsync(ct);
            return await s.CloseAsync(voteId, version, ct);
        });
        result.CloseMs = Stopwatch.GetElapsedTime(closeStarted).TotalMilliseconds;
        if (!closed.Succeeded) throw new InvalidOperationException($"Closing vote {voteId} failed: {closed.Outcome}");
        var published = await AsSecretaryAsync(s => s.ResultsAsync(voteId, ct)) ?? throw new InvalidOperationException("No results.");
        long Support(int option) => published.Verdict.Options[option].Support.Headcount;
        result.Tally = $"{Support(BallotQuestion.Agree)}/{Support(BallotQuestion.Disagree)}/{Support(BallotQuestion.Abstain)}";
        result.ExpectedTally = $"{expected[BallotQuestion.Agree]}/{expected[BallotQuestion.Disagree]}/{expected[BallotQuestion.Abstain]}";
        result.TallyExact = result.Tally == result.ExpectedTally
                            && result.StoredParticipations == stored && result.StoredBallots == stored
                            && published.Verdict.Present?.Headcount == stored
                            && (secrecy == Secrecy.Named
                                ? published.Named.Count == stored
                                : receipts.Order().SequenceEqual(published.Receipts.Select(r => (r.ReceiptCode, r.Choices.Single())).Order()));
        return result;
    }

    private async Task<int> OpenVoteAsync(CancellationToken ct)
    {
        var form = new VoteForm(electorate.CommunityId, new MatterScope(MatterScopeKind.Building, electorate.BuildingId),
            $"性能测试：{(secrecy == Secrecy.Secret ? "无记名" : "记名")}投票 {run}", QuestionKind.Motion, [], 1, ShippedRuleSets.ResidentsMeeting.Code, secrecy,
            BallotChannels.Online | BallotChannels.OnSite, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddDays(1));
        var created = await AsSecretaryAsync(s => s.CreateAsync(form, ct));
        if (!created.Succeeded) throw new InvalidOperationException($"Creating the vote failed: {created.Outcome}");
        var opened = await AsSecretaryAsync(s => s.OpenAsync(created.Id, created.Version!.Value, ct));
        if (!opened.Succeeded) throw new InvalidOperationException($"Opening the vote failed: {opened.Outcome}");
        return created.Id;
    }

    private Task<T> AsSecretaryAsync<T>(Func<VoteService, Task<T>> action) => InScopeAsync(electorate.Secretary, action);

    /// <summary>One call in a service scope of its own with the caller set, as a circuit's event handler or a request has it.</summary>
    private async Task<T> InScopeAsync<T>(ClaimsPrincipal principal, Func<VoteService, Task<T>> action)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CallerScope>().Set(principal);
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Principal = principal;
        return await action(scope.ServiceProvider.GetRequiredService<VoteService>());
    }

    private async Task<(Result<CastReceipt>? Result, string? Error)> CastAsync(ClaimsPrincipal principal, CastCommand command, CancellationToken ct)
    {
        await Task.Yield();
        try
        {
            return (await InScopeAsync(principal, s => s.CastAsync(command, ct)), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (null, ex.GetType().Name + ": " + (ex.InnerException?.Message ?? ex.Message));
        }
    }

    /// <summary>The secretary's page: a SignalR client on the vote's channel keeping the largest turnout it has seen.</summary>
    private async Task<HubConnection> SubscribeAsync(int voteId, CancellationToken ct)
    {
        var (client, cookies) = PortalClient.Create(host.BaseAddress);
        using (client)
        {
            using var response = await PortalClient.SignInAsync(client, "secretary");
            if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Signing in as secretary failed: {(int)response.StatusCode}");
        }
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(host.BaseAddress, LiveHub.Path), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.Cookies = cookies;
            })
            .Build();
        hub.On<JsonElement>(LiveHub.EventMethod, OnEvent);
        await hub.StartAsync(ct);
        await hub.InvokeAsync<JsonElement>(nameof(LiveHub.Join), VoteChannels.For(voteId), null, ct);
        return hub;
    }

    private void OnEvent(JsonElement message)
    {
        var now = Stopwatch.GetTimestamp();
        if (!message.TryGetProperty("type", out var type) || type.GetString() != VoteChannels.Turnout) return;
        var participants = message.GetProperty("payload").GetProperty("participants").GetInt32();
        lock (_seenLock)
        {
            for (var k = _maxSeen + 1; k <= Math.Min(participants, _firstSeen.Length - 1); k++) _firstSeen[k] = now;
            if (participants > _maxSeen) Volatile.Write(ref _maxSeen, participants);
        }
    }

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}

/// <summary>The figures of one vote on one database, and the summary table with the issue's targets.</summary>
internal sealed class VoteRun
{
    public required string Database { get; init; }
    public required Secrecy Secrecy { get; init; }
    public required int Electors { get; init; }
    public required int Concurrency { get; init; }
    public double RawInsertsPerSecond { get; set; }
    public double BallotsPerSecond { get; set; }
    public double CastSeconds { get; set; }
    public double CastP95Ms { get; set; }
    public int DoubleVotes { get; set; }
    public int Lost { get; set; }
    public int Errors { get; set; }
    public string? FirstError { get; set; }
    public int RefusedSecond { get; set; }
    public int OtherRefusals { get; set; }
    public int WonOnline { get; set; }
    public int StoredParticipations { get; set; }
    public int StoredBallots { get; set; }
    public int TurnoutEvents { get; set; }
    public int PageLastTurnout { get; set; }
    public int MissingOnPage { get; set; }
    public double PageP50Ms { get; set; }
    public double PageP95Ms { get; set; }
    public double PageMaxMs { get; set; }
    public double CloseMs { get; set; }
    public string Tally { get; set; } = "";
    public string ExpectedTally { get; set; } = "";
    public bool TallyExact { get; set; }

    private double Ratio => BallotsPerSecond / RawInsertsPerSecond;

    public void PrintLine()
    {
        Console.WriteLine($"  {Database} {Secrecy}: {BallotsPerSecond:0} ballots/s vs raw {RawInsertsPerSecond:0} inserts/s ({Ratio:0.00}x) in {CastSeconds:0.0} s; "
            + $"double votes {DoubleVotes}, second channel refused {RefusedSecond} (won online {WonOnline}), lost {Lost}, errors {Errors}, other refusals {OtherRefusals}; "
            + $"turnout events {TurnoutEvents} ({2.0 * StoredBallots / Math.Max(1, TurnoutEvents):0.0} casts each); "
            + $"page p50 {PageP50Ms:0} ms p95 {PageP95Ms:0} ms max {PageMaxMs:0} ms (last turnout {PageLastTurnout}, missing {MissingOnPage}); "
            + $"tally {Tally} expected {ExpectedTally} {(TallyExact ? "exact" : "WRONG")}; close {CloseMs:0} ms");
        if (FirstError is not null) Console.WriteLine($"    first error: {FirstError}");
    }

    /// <summary>Prints the table and the verdicts; false when a correctness check failed (double votes, lost ballots, a wrong tally).</summary>
    public static bool Summary(IReadOnlyList<VoteRun> runs, VoteBenchOptions options)
    {
        Console.WriteLine();
        Console.WriteLine("| database | vote | electors | in flight | raw inserts/s | ballots/s | ballots / raw | cast p95 ms | double votes | second channel refused | lost / errors | turnout events | page p50 / p95 / max ms | tally (agree/disagree/abstain) | close ms |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|");
        foreach (var r in runs)
            Console.WriteLine($"| {r.Database} | {r.Secrecy.ToString().ToLowerInvariant()} | {r.Electors} | {r.Concurrency} | {r.RawInsertsPerSecond:0} | {r.BallotsPerSecond:0} | {r.Ratio:0.00}x | {r.CastP95Ms:0} | "
                + $"{r.DoubleVotes} | {r.RefusedSecond} | {r.Lost} / {r.Errors} | {r.TurnoutEvents} | {r.PageP50Ms:0} / {r.PageP95Ms:0} / {r.PageMaxMs:0} | {r.Tally} {(r.TallyExact ? "exact" : "WRONG, expected " + r.ExpectedTally)} | {r.CloseMs:0} |");
        Console.WriteLine();
        Console.WriteLine("targets (issue 13): ballots/s at least half the raw insert rate; zero double votes; exact tallies; page p95 under 1 s");
        var correct = true;
        foreach (var r in runs)
        {
            var ok = r.DoubleVotes == 0 && r.Lost == 0 && r.Errors == 0 && r.TallyExact && r.MissingOnPage == 0;
            correct &= ok;
            Console.WriteLine($"  {r.Database} {r.Secrecy}: rate {(r.Ratio >= 0.5 ? "met" : "NOT met")} ({r.Ratio:0.00}x); double votes {r.DoubleVotes}: {(r.DoubleVotes == 0 ? "met" : "NOT met")}; "
                + $"tally {(r.TallyExact ? "exact" : "WRONG")}; page p95 {r.PageP95Ms:0} ms: {(r.PageP95Ms < 1000 ? "met" : "NOT met")}"
                + (ok ? "" : $"; FAILED: lost {r.Lost}, errors {r.Errors}, missing on page {r.MissingOnPage}"));
        }
        Console.WriteLine($"load at end: {Report.LoadAverage()}");
        return correct;
    }
}
