namespace Portal.Web.Features.Deliberation;

/// <summary>A page of a deliberation list: rows and the total that matched.</summary>
public sealed record DeliberationPage<T>(IReadOnlyList<T> Rows, int Total);

/// <summary>Paging of the area's lists, clamped so a crafted request cannot ask for everything at once.</summary>
public abstract record DeliberationPaging
{
    public int Skip { get; init; }
    public int Take { get; init; } = 20;
    public int SafeSkip => Math.Max(0, Skip);
    public int SafeTake => Math.Clamp(Take, 1, 100);
}
