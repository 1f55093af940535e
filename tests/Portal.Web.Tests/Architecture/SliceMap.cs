namespace Portal.Web.Tests.Architecture;

/// <summary>The layers of the portal, from the bottom (decision 0024).</summary>
public enum Layer
{
    /// <summary><c>Portal.Domain</c>: UI-free rules and entities.</summary>
    Domain,

    /// <summary><c>Data</c>: the context, configurations, migrations, audit capture.</summary>
    Data,

    /// <summary>The shared kit: <c>Components.Shared</c>, <c>Kit</c>, <c>Features.Localization</c>.</summary>
    Kit,

    /// <summary>An area's own kit (the root namespace of <c>Features.Lists</c> or <c>Features.Councils</c>), for its slices only.</summary>
    AreaKit,

    /// <summary>A feature slice: a folder of <c>Features</c>, or of an area.</summary>
    Slice,

    /// <summary>What puts the app together: <c>Program</c>, layout and top pages, <c>Platform</c>, the demo seeders.</summary>
    Host,
}

/// <summary>A part of the code the rules speak of: a layer, or one slice or area kit of it.</summary>
/// <param name="Name">"Data", "Kit", "Accounts", "Lists" (the area kit), "Lists.WorkItems"…; the baseline file's name.</param>
/// <param name="Area">The area of an area kit or of a slice inside an area ("Lists", "Councils"), else null.</param>
public sealed record Unit(Layer Layer, string Name, string? Area = null)
{
    public static readonly Unit Domain = new(Layer.Domain, "Domain");
    public static readonly Unit Data = new(Layer.Data, "Data");
    public static readonly Unit Kit = new(Layer.Kit, "Kit");
    public static readonly Unit Host = new(Layer.Host, "Host");

    public override string ToString() => Name;

    /// <summary>
    /// The rule: Data names only the domain; the kit only Data and the domain; a slice only the kit, Data, the domain and
    /// its own area's kit; an area kit the same minus the slices of its area; nothing names the host; the host names anything.
    /// </summary>
    public bool MayReference(Unit to)
    {
        if (to == this || to.Layer == Layer.Domain || Layer == Layer.Host) return true;
        return Layer switch
        {
            Layer.Domain => false,
            Layer.Data => false,
            Layer.Kit => to.Layer == Layer.Data,
            Layer.AreaKit or Layer.Slice => to.Layer is Layer.Data or Layer.Kit || (to.Layer == Layer.AreaKit && to.Area == Area),
            _ => false,
        };
    }
}

/// <summary>Which unit a namespace belongs to, relative to the web project's and the domain's root namespaces.</summary>
/// <param name="WebRoot">"Portal.Web" (or a test fixture's root).</param>
/// <param name="DomainRoot">"Portal.Domain" (or a test fixture's root).</param>
/// <param name="HostTypes">Host types outside every namespace (the top-level <c>Program</c>).</param>
public sealed record SliceMap(string WebRoot, string DomainRoot, IReadOnlySet<Type> HostTypes)
{
    private static readonly string[] Areas = ["Lists", "Councils", "Voting", "Deliberation"];

    /// <summary>Parts of <c>Features</c> that are not slices: the shared texts (kit) and the host's platform.</summary>
    private static readonly Dictionary<string, Unit> FeatureFolders = new()
    {
        ["Localization"] = Unit.Kit,
        ["Platform"] = Unit.Host,
    };

    /// <summary>
    /// The unit of a type (count nested types for their outermost type first), or null for a type outside both roots
    /// (the framework, packages, compiler-generated types such as anonymous types). Throws for a namespace inside a
    /// root that no rule places, so a new folder is placed on purpose.
    /// </summary>
    public Unit? UnitOf(Type type)
    {
        if (HostTypes.Contains(type)) return Unit.Host;
        var ns = type.Namespace ?? "";
        // Razor's helpers for generic components: __Blazor.<component's namespace>.<component>.TypeInference.
        if (ns.StartsWith("__Blazor.", StringComparison.Ordinal)) ns = ns["__Blazor.".Length..ns.LastIndexOf('.')];

        if (Within(ns, DomainRoot)) return Unit.Domain;
        if (!Within(ns, WebRoot)) return null;
        var parts = ns == WebRoot ? [] : ns[(WebRoot.Length + 1)..].Split('.');
        return parts switch
        {
            [] => Unit.Host,
            ["Data", ..] => Unit.Data,
            ["Kit", ..] => Unit.Kit,
            ["Components", "Shared", ..] => Unit.Kit,
            ["Components", ..] => Unit.Host,
            ["Features"] => Unit.Host,
            ["Features", var folder, ..] when FeatureFolders.TryGetValue(folder, out var unit) => unit,
            ["Features", var area] when Areas.Contains(area) => new Unit(Layer.AreaKit, area, area),
            ["Features", var area, "Demo", ..] when Areas.Contains(area) => Unit.Host,
            ["Features", var area, var slice, ..] when Areas.Contains(area) => new Unit(Layer.Slice, $"{area}.{slice}", area),
            ["Features", var slice, ..] => new Unit(Layer.Slice, slice),
            _ => throw new InvalidOperationException($"Namespace {ns} (type {type.FullName}) is in no layer or slice: place it in {nameof(SliceMap)}."),
        };
    }

    private static bool Within(string ns, string root) =>
        ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal);
}
