using System.Collections.Immutable;

namespace Portal.Domain.Voting;

/// <summary>One elector of a frozen roll: headcount one, with exclusive area (zero where the counting base has none).</summary>
public sealed record Elector(string Key, decimal Area)
{
    /// <summary>
    /// Largest area one elector may hold, in m² (a whole estate held by its developer fits). Bounds every sum and product
    /// of the count far inside <see cref="decimal"/>'s range, so the comparison can never overflow or round.
    /// </summary>
    public const decimal MaxArea = 100_000_000m;

    /// <summary>A positive area of at most 2 decimals and at most <see cref="MaxArea"/>, as the property register records it.</summary>
    public static bool IsValidArea(decimal area) => area > 0 && area <= MaxArea && decimal.Round(area, 2) == area;
}

/// <summary>A row of an owners' roll: one exclusive unit, who owns it, its exclusive area in m² (2 decimals).</summary>
public sealed record RollEntry(string UnitKey, string OwnerKey, decimal Area);

/// <summary>A rejected roll row (1-based, as imported) with the code the web layer localizes.</summary>
public sealed record RollError(int Row, string ErrorCode);

public sealed record OwnerRollResult(ImmutableArray<Elector> Electors, ImmutableArray<RollError> Errors);

/// <summary>
/// Turns unit rows into owner electors as Civil Code art. 278 counts them: each exclusive unit carries its area, and
/// all units of one owner make one elector with their summed area, so a buyer of several units, and a developer whose
/// unsold units are listed under one owner key, count once by headcount. Rows with errors are left out and reported.
/// </summary>
public static class OwnerRoll
{
    public const string UnitKeyRequired = "Voting.Roll.Error.UnitKeyRequired";
    public const string OwnerKeyRequired = "Voting.Roll.Error.OwnerKeyRequired";
    public const string AreaNotPositive = "Voting.Roll.Error.AreaNotPositive";
    public const string AreaTooPrecise = "Voting.Roll.Error.AreaTooPrecise";
    public const string AreaTooLarge = "Voting.Roll.Error.AreaTooLarge";
    /// <summary>A unit listed twice would count its area twice; the second listing is refused.</summary>
    public const string DuplicateUnit = "Voting.Roll.Error.DuplicateUnit";

    /// <summary>Electors in the order their owners first appear.</summary>
    public static OwnerRollResult Count(IEnumerable<RollEntry> entries)
    {
        var units = new HashSet<string>(StringComparer.Ordinal);
        var areas = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var order = new List<string>();
        var errors = ImmutableArray.CreateBuilder<RollError>();
        var row = 0;
        foreach (var e in entries)
        {
            row++;
            var error = string.IsNullOrWhiteSpace(e.UnitKey) ? UnitKeyRequired
                : string.IsNullOrWhiteSpace(e.OwnerKey) ? OwnerKeyRequired
                : e.Area <= 0 ? AreaNotPositive
                : decimal.Round(e.Area, 2) != e.Area ? AreaTooPrecise
                : e.Area > Elector.MaxArea || areas.GetValueOrDefault(e.OwnerKey) + e.Area > Elector.MaxArea ? AreaTooLarge
                : !units.Add(e.UnitKey) ? DuplicateUnit
                : null;
            if (error is not null) { errors.Add(new RollError(row, error)); continue; }
            if (areas.TryGetValue(e.OwnerKey, out var sum)) areas[e.OwnerKey] = sum + e.Area;
            else { areas[e.OwnerKey] = e.Area; order.Add(e.OwnerKey); }
        }
        return new OwnerRollResult([.. order.Select(o => new Elector(o, areas[o]))], errors.ToImmutable());
    }
}
