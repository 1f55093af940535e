using Portal.Domain.Access;

namespace Portal.Web.Tests.Architecture;

/// <summary>
/// Slice boundaries hold (issue 12, item 6; decision 0024): Data names nothing above it, the kit names no slice, a slice
/// names no other slice (only the kit, Data, the domain and its own area's kit), nothing names the host. Read from the
/// compiled assemblies (<see cref="TypeReferences"/>), so a reference in a method body or a Razor component counts as
/// much as one in a signature. Strict: no exception is listed anywhere (the per-slice baselines of issue 12's stages are
/// gone with the last cross-slice reference).
/// </summary>
public sealed class SliceBoundaryTests
{
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
    public void No_reference_crosses_a_slice_boundary()
    {
        var violations = PortalViolations();
        Assert.True(violations.Count == 0,
            $"{violations.Count} reference(s) across a slice boundary. Go through the kit, move the type to where both may use it, " +
            "or raise an event (docs/decisions/0024):\n" + string.Join("\n", violations.Select(v => $"  {v.From.Name}: {v}")));
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
}
