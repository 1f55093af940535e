namespace Portal.Domain.Councils;

/// <summary>
/// A unit's place in the rotating-chair order and the years it is a member. <see cref="LastYear"/> is the last year in
/// which it is a member on 1 January; null while it stays.
/// </summary>
public sealed record RotationSlot(int UnitId, int FirstYear, int? LastYear = null)
{
    public bool IsMemberIn(int year) => FirstYear <= year && (LastYear is null || year <= LastYear);
}

/// <summary>One year of the schedule: the lead unit and the unit chairing that year (null: nobody could take a turn).</summary>
public sealed record RotationYear(int Year, int LeadUnitId, int? ChairUnitId);

/// <summary>
/// Lead unit plus a yearly rotating chair unit in a fixed order (牵头单位 + 轮值主席). Pure: it computes who chairs which year
/// from the start year and the order, so the page and the minutes never need a stored "current chair".
/// <para>
/// The rule: in the start year the first unit of the order that is a member that year chairs; each later year the turn
/// passes to the next unit after last year's chair in the order (wrapping round) that is a member that year.
/// Membership is judged on 1 January, because the turn is a whole year.
/// </para>
/// <list type="bullet">
/// <item>A unit that leaves is skipped from the year after its <see cref="RotationSlot.LastYear"/>; nobody else's turn moves
/// earlier or later except by that skip. Keep its slot with the last year set: deleting it would rewrite past years.</item>
/// <item>A unit that joins is appended to the end of the order, so the units already waiting keep their turns and the
/// newcomer takes its turn when the rotation reaches the end. (Inserting it in the middle also works; it then takes its
/// turn when the rotation passes that place.)</item>
/// <item>The lead unit does not take a turn: it convenes every year anyway. If it is in the order it is skipped.</item>
/// <item>If the chair leaves mid-year, the lead unit chairs for the rest of that year; the schedule is not rewritten.</item>
/// </list>
/// </summary>
public sealed record ChairRotation(int LeadUnitId, int StartYear, IReadOnlyList<RotationSlot> Order)
{
    public const string ErrorLeadUnitRequired = "Council.Error.Rotation.LeadUnitRequired";
    public const string ErrorEmptyOrder = "Council.Error.Rotation.EmptyOrder";
    public const string ErrorDuplicateUnit = "Council.Error.Rotation.DuplicateUnit";
    public const string ErrorYears = "Council.Error.Rotation.Years";

    /// <summary>Builds the rotation from a council's members: those with a rotation order, in that order.</summary>
    public static ChairRotation FromMembers(int leadUnitId, int startYear, IEnumerable<CouncilMember> members) => new(
        leadUnitId, startYear,
        members.Where(m => m.UnitId is not null && m.RotationOrder is not null)
            .GroupBy(m => m.UnitId!.Value)
            // A unit with several terms keeps the place of its first seat and the span of all its terms.
            .Select(g => (Order: g.Min(m => m.RotationOrder!.Value), Slot: new RotationSlot(g.Key,
                FirstJanuaryFirstYear(g.Min(m => m.TermFrom)),
                g.Any(m => m.TermTo is null) ? null : g.Max(m => m.TermTo!.Value).Year)))
            .OrderBy(x => x.Order).ThenBy(x => x.Slot.UnitId)
            .Select(x => x.Slot).ToList());

    // Membership counts on 1 January: a unit whose term starts later in the year takes turns from the next year; a term
    // ending on any day of a year covered that year's 1 January, so the year stays the unit's last (gaps between terms are
    // not tracked: a unit that comes back keeps its place).
    private static int FirstJanuaryFirstYear(DateOnly termFrom) => termFrom.DayOfYear == 1 ? termFrom.Year : termFrom.Year + 1;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Order.Count(s => s.UnitId != LeadUnitId) == 0) errors.Add(ErrorEmptyOrder);
        if (Order.Select(s => s.UnitId).Distinct().Count() != Order.Count) errors.Add(ErrorDuplicateUnit);
        if (Order.Any(s => s.LastYear is { } last && last < s.FirstYear)) errors.Add(ErrorYears);
        return errors;
    }

    /// <summary>The unit chairing in <paramref name="year"/>; null before the start year or when no unit can take a turn.</summary>
    public int? ChairOf(int year) => year < StartYear ? null : Walk(year).Last().ChairUnitId;

    /// <summary>The schedule for <paramref name="years"/> years from <paramref name="fromYear"/> (years before the start have no chair).</summary>
    public IReadOnlyList<RotationYear> Schedule(int fromYear, int years)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(years);
        if (years == 0) return [];
        var last = fromYear + years - 1;
        var walked = last < StartYear ? [] : Walk(last).Where(y => y.Year >= fromYear).ToList();
        return Enumerable.Range(fromYear, years)
            .Select(y => walked.FirstOrDefault(w => w.Year == y) ?? new RotationYear(y, LeadUnitId, null))
            .ToList();
    }

    // Walks the turns from the start year: the past decides the present, so joins and leaves only ever skip or add turns.
    private IEnumerable<RotationYear> Walk(int untilYear)
    {
        var pointer = -1;
        for (var year = StartYear; year <= untilYear; year++)
        {
            int? chair = null;
            for (var step = 1; step <= Order.Count; step++)
            {
                var i = (pointer + step) % Order.Count;
                if (Order[i].UnitId == LeadUnitId || !Order[i].IsMemberIn(year)) continue;
                chair = Order[i].UnitId;
                pointer = i;
                break;
            }
            yield return new RotationYear(year, LeadUnitId, chair);
        }
    }
}
