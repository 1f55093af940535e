using System.Text;
using Portal.Domain.Access;

namespace Portal.Web.Tests.Architecture;

/// <summary>
/// Slice boundaries hold (issue 12, item 6; decision 0024): Data names nothing above it, the kit names no slice, a slice
/// names no other slice (only the kit, Data, the domain and its own area's kit), nothing names the host. Read from the
/// compiled assemblies (<see cref="TypeReferences"/>), so a reference in a method body or a Razor component counts as
/// much as one in a signature. While issue 12's stages run, the references known today are listed per slice in
/// <c>Architecture/Baseline/&lt;slice&gt;.txt</c>: the test fails on a reference no file lists, and on a listed one
/// that is gone, so each baseline only shrinks.
/// </summary>
public sealed class SliceBoundaryTests
{
    private const string BaselineFolder = "Architecture/Baseline";

    private static readonly SliceMap Portal = new("Portal.Web", "Portal.Domain", new HashSet<Type> { typeof(Program) });

    private static readonly SliceMap Fixture = new(
        "Portal.Web.Tests.Architecture.Fixture", "Portal.Web.Tests.Architecture.Fixture.Domain", new HashSet<Type>());

    private static IEnumerable<Type> PortalTypes() =>
        typeof(Program).Assembly.GetTypes().Concat(typeof(AccessPolicy).Assembly.GetTypes());

    private static IReadOnlyList<Violation> PortalViolations() => SliceBoundaries.Check(PortalTypes(), Portal, "Portal.Web.");

    [Fact]
    public void Data_names_nothing_above_it()
    {
        var upward = PortalViolations().Where(v => v.From.Layer == Layer.Data).ToList();
        Assert.True(upward.Count == 0,
            "Data may name only the domain, EF Core and Identity:\n" + string.Join("\n", upward.Select(v => "  " + v)));
    }

    [Fact]
    public void No_reference_crosses_a_boundary_unless_its_slice_baseline_lists_it()
    {
        var baselines = ReadBaselines(Path.Combine(AppContext.BaseDirectory, BaselineFolder));
        var (unlisted, gone) = Compare(PortalViolations(), baselines);
        Assert.True(unlisted.Count == 0 && gone.Count == 0, Report(unlisted, gone));
    }

    [Fact]
    public void The_checker_finds_each_kind_of_forbidden_reference_in_the_fixture()
    {
        var types = typeof(SliceBoundaryTests).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith(Fixture.WebRoot + ".", StringComparison.Ordinal) == true);

        var found = SliceBoundaries.Check(types, Fixture, Fixture.WebRoot + ".");

        Assert.Equal(
            [
                "Data: Data.FixtureContext -> Features.A.AItem",
                "A: Features.A.AAttributed -> Features.B.BWidget",
                "A: Features.A.AComponent -> Features.B.BWidget",
                "A: Features.A.AService -> Features.B.BService",
                "A: Features.A.AShellUser -> Components.Layout.Shell",
                "B: Features.B.BDerived -> Features.A.AItem",
                "Lists.Needs: Features.Lists.Needs.NeedList -> Features.Councils.CouncilsBadge",
                "Lists.Needs: Features.Lists.Needs.NeedList -> Features.Lists.Board.BoardView",
            ],
            found.OrderBy(v => v.From.Layer).ThenBy(v => v.From.Name, StringComparer.Ordinal).ThenBy(v => v.Line, StringComparer.Ordinal)
                .Select(v => $"{v.From}: {v.Line}"));
        // Where each was found, for the failure message: the closure and the state machine count for their outer type.
        Assert.Equal("base type", found.Single(v => v.FromType == "Features.B.BDerived").Member);
        Assert.Equal("attribute", found.Single(v => v.FromType == "Features.A.AAttributed").Member);
        Assert.StartsWith("+<RunAsync>", found.Single(v => v.FromType == "Features.A.AService").Member);
        Assert.StartsWith("+<>c__DisplayClass", found.Single(v => v.FromType == "Features.A.AComponent").Member);
    }

    [Fact]
    public void A_baseline_fails_the_test_on_an_unlisted_reference_and_on_a_listed_one_that_is_gone()
    {
        var types = typeof(SliceBoundaryTests).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith(Fixture.WebRoot + ".Features.A", StringComparison.Ordinal) == true);
        var found = SliceBoundaries.Check(types, Fixture, Fixture.WebRoot + ".");
        var baselines = new Dictionary<string, IReadOnlySet<string>>
        {
            ["A"] = new HashSet<string>
            {
                "Features.A.AService -> Features.B.BService",
                "Features.A.AComponent -> Features.B.BWidget",
                "Features.A.AShellUser -> Components.Layout.Shell",
                "Features.A.AItem -> Features.B.BWidget", // fixed meanwhile
            },
            ["B"] = new HashSet<string> { "Features.B.BService -> Features.A.AService" }, // a slice with nothing left
        };

        var (unlisted, gone) = Compare(found, baselines);

        Assert.Equal(["Features.A.AAttributed -> Features.B.BWidget"], unlisted.Select(v => v.Line));
        Assert.Equal(
            [("A", "Features.A.AItem -> Features.B.BWidget"), ("B", "Features.B.BService -> Features.A.AService")],
            gone.OrderBy(g => g.File, StringComparer.Ordinal));
        Assert.Contains("Baseline/A.txt: Features.A.AAttributed -> Features.B.BWidget (attribute)", Report(unlisted, gone));
    }

    /// <summary>Violations no baseline lists, and listed lines (file, line) that no violation matches any more.</summary>
    private static (List<Violation> Unlisted, List<(string File, string Line)> Gone) Compare(
        IReadOnlyList<Violation> violations, IReadOnlyDictionary<string, IReadOnlySet<string>> baselines)
    {
        var unlisted = violations.Where(v => !(baselines.TryGetValue(v.From.Name, out var listed) && listed.Contains(v.Line))).ToList();
        var present = violations.Select(v => (v.From.Name, v.Line)).ToHashSet();
        var gone = baselines.SelectMany(b => b.Value.Select(line => (File: b.Key, Line: line)))
            .Where(l => !present.Contains((l.File, l.Line))).ToList();
        return (unlisted, gone);
    }

    /// <summary>Baseline files by slice name: one line per known reference, "#" starts a comment.</summary>
    private static Dictionary<string, IReadOnlySet<string>> ReadBaselines(string folder) =>
        !System.IO.Directory.Exists(folder) ? [] : System.IO.Directory.EnumerateFiles(folder, "*.txt").ToDictionary(
            f => Path.GetFileNameWithoutExtension(f),
            f => (IReadOnlySet<string>)File.ReadLines(f).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet());

    private static string Report(IReadOnlyList<Violation> unlisted, IReadOnlyList<(string File, string Line)> gone)
    {
        var text = new StringBuilder();
        if (unlisted.Count > 0)
        {
            text.AppendLine($"{unlisted.Count} reference(s) across a slice boundary that no baseline lists. Go through the kit, " +
                "move the type to where both may use it, or raise an event (docs/decisions/0024):");
            foreach (var v in unlisted) text.AppendLine($"  {BaselineFolder}/{v.From.Name}.txt: {v}");
        }
        if (gone.Count > 0)
        {
            text.AppendLine($"{gone.Count} baseline line(s) that no reference matches any more: delete them.");
            foreach (var (file, line) in gone) text.AppendLine($"  {BaselineFolder}/{file}.txt: {line}");
        }
        return text.ToString();
    }
}
