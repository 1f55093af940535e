// Types for the architecture test's self-test (SliceBoundaryTests): a miniature portal under its own root namespace,
// where each kind of reference the checker must see crosses a boundary once. Never used at run time.
#pragma warning disable CA1822 // members are instance members on purpose: the references are what matters

namespace Portal.Web.Tests.Architecture.Fixture.Domain
{
    public sealed class Thing
    {
        public int Id { get; set; }
    }
}

namespace Portal.Web.Tests.Architecture.Fixture.Data
{
    using Portal.Web.Tests.Architecture.Fixture.Domain;
    using Portal.Web.Tests.Architecture.Fixture.Features.A;

    /// <summary>Data names the domain (allowed) and a slice's type in a property (forbidden).</summary>
    public sealed class FixtureContext
    {
        public List<Thing> Things { get; } = [];
        public List<AItem> Items { get; } = [];
    }
}

namespace Portal.Web.Tests.Architecture.Fixture.Kit
{
    public sealed class MarkerAttribute(Type type) : Attribute
    {
        public Type Type { get; } = type;
    }

    public static class Pager
    {
        public static string Open<T>() => typeof(T).Name;
    }
}

namespace Portal.Web.Tests.Architecture.Fixture.Components.Layout
{
    public sealed class Shell
    {
        public static string Title => "shell";
    }
}

namespace Portal.Web.Tests.Architecture.Fixture.Features.A
{
    using Portal.Web.Tests.Architecture.Fixture.Data;
    using Portal.Web.Tests.Architecture.Fixture.Domain;
    using Portal.Web.Tests.Architecture.Fixture.Features.B;
    using Portal.Web.Tests.Architecture.Fixture.Kit;

    /// <summary>Uses only what a slice may: the domain, Data, the kit and itself.</summary>
    public class AItem
    {
        public Thing? Thing { get; set; }
        public FixtureContext? Context { get; set; }
        public string Page() => Pager.Open<AItem>();
    }

    /// <summary>Names another slice only inside a method body, in an async state machine.</summary>
    public sealed class AService
    {
        public async Task<int> RunAsync()
        {
            await Task.Yield();
            return new BService().Run();
        }
    }

    /// <summary>Names another slice only as a generic argument, inside a lambda (a compiler-generated closure class).</summary>
    public sealed class AComponent
    {
        public Func<string> Render(int n) => () => Pager.Open<BWidget>() + n;
    }

    /// <summary>Names another slice only in an attribute's typeof argument.</summary>
    [Marker(typeof(BWidget))]
    public sealed class AAttributed;

    /// <summary>Names the host.</summary>
    public sealed class AShellUser
    {
        public string Title() => Components.Layout.Shell.Title;
    }
}

namespace Portal.Web.Tests.Architecture.Fixture.Features.B
{
    using Portal.Web.Tests.Architecture.Fixture.Features.A;

    public sealed class BService
    {
        public int Run() => 1;
    }

    public sealed class BWidget;

    /// <summary>Names another slice as its base type.</summary>
    public sealed class BDerived : AItem;
}

namespace Portal.Web.Tests.Architecture.Fixture.Features.Lists
{
    /// <summary>The Lists area's kit.</summary>
    public sealed class ListsBadge;
}

namespace Portal.Web.Tests.Architecture.Fixture.Features.Councils
{
    /// <summary>The Councils area's kit.</summary>
    public sealed class CouncilsBadge;
}

namespace Portal.Web.Tests.Architecture.Fixture.Features.Lists.Needs
{
    using Portal.Web.Tests.Architecture.Fixture.Features.Councils;
    using Portal.Web.Tests.Architecture.Fixture.Features.Lists.Board;

    /// <summary>Its own area's kit (allowed), another area's kit and a sibling slice in a method body (both forbidden).</summary>
    public sealed class NeedList
    {
        public ListsBadge Badge { get; } = new();
        public object Other() => new CouncilsBadge();
        public object Sibling() => new BoardView();
    }
}

namespace Portal.Web.Tests.Architecture.Fixture.Features.Lists.Board
{
    public sealed class BoardView;
}
