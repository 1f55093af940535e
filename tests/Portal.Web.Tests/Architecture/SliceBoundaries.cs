namespace Portal.Web.Tests.Architecture;

/// <summary>A reference the layering forbids: <see cref="FromType"/> (in <see cref="From"/>) names <see cref="ToType"/> (in <see cref="To"/>).</summary>
public sealed record Violation(Unit From, Unit To, string FromType, string ToType, string Member)
{
    /// <summary>The line a baseline lists it by: outermost types, without members (they move too often to be a baseline).</summary>
    public string Line => $"{FromType} -> {ToType}";

    public override string ToString() => $"{FromType} -> {ToType} ({Member})";
}

/// <summary>Checks compiled types against <see cref="Unit.MayReference"/>.</summary>
public static class SliceBoundaries
{
    /// <summary>
    /// Every forbidden reference made by <paramref name="types"/> (nested and compiler-generated types count for their
    /// outermost type, on both ends), one per pair of types with the first member that made it.
    /// </summary>
    public static IReadOnlyList<Violation> Check(IEnumerable<Type> types, SliceMap map, string? shortenPrefix = null)
    {
        var found = new Dictionary<(Type, Type), Violation>();
        foreach (var type in types)
        {
            var from = TypeReferences.Outermost(type);
            if (map.UnitOf(from) is not { } fromUnit) continue;
            foreach (var reference in TypeReferences.Of(type))
            {
                var to = TypeReferences.Outermost(reference.To);
                if (to == from || found.ContainsKey((from, to)) || map.UnitOf(to) is not { } toUnit) continue;
                if (fromUnit.MayReference(toUnit)) continue;
                var member = type == from ? reference.Member : $"{Name(type, from.FullName!)} {reference.Member}";
                found[(from, to)] = new Violation(fromUnit, toUnit, Shorten(from), Shorten(to), member);
            }
        }
        return found.Values.OrderBy(v => v.From.Name, StringComparer.Ordinal).ThenBy(v => v.Line, StringComparer.Ordinal).ToList();

        string Shorten(Type t) => shortenPrefix is not null && t.FullName!.StartsWith(shortenPrefix, StringComparison.Ordinal)
            ? t.FullName[shortenPrefix.Length..]
            : t.FullName!;
    }

    /// <summary>A nested type's name inside its outermost type, e.g. "+&lt;SaveAsync&gt;d__12" for a state machine.</summary>
    private static string Name(Type nested, string outer) => nested.FullName![outer.Length..];
}
