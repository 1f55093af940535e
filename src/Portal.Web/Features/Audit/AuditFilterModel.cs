using Portal.Domain.Auditing;

namespace Portal.Web.Features.Audit;

/// <summary>The audit page's filter form; dates as the date pickers deliver them (local days).</summary>
public sealed class AuditFilterModel
{
    public string? UserName { get; set; }
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    public AuditAction? Action { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }

    /// <summary>A start after the end would silently show nothing; the page says so instead.</summary>
    public bool IsRangeValid => From is null || To is null || From.Value.Date <= To.Value.Date;

    public AuditFilter ToFilter() => new(
        Blank(UserName), Blank(EntityType), Blank(EntityId), Action,
        From is { } from ? DateOnly.FromDateTime(from) : null,
        To is { } to ? DateOnly.FromDateTime(to) : null);

    public void Clear()
    {
        UserName = EntityType = EntityId = null;
        Action = null;
        From = To = null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
