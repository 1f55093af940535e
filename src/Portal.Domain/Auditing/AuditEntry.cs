using Portal.Domain.Text;

namespace Portal.Domain.Auditing;

/// <summary>
/// One append-only record of a create, update or delete of domain data: who, when, what changed. Verbatim: it records the
/// values already cleaned by the save it audits, as JSON, and must stay exactly as written.
/// </summary>
[VerbatimText]
public sealed class AuditEntry
{
    /// <summary>
    /// The stored <see cref="UserName"/> of changes made by no signed-in person (start-up, demo data, background work).
    /// A stored code, not a text: the log's readers see it in their language.
    /// </summary>
    public const string SystemUserName = "system";

    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public AuditAction Action { get; set; }
    /// <summary>JSON object: property name to {"old": ..., "new": ...}.</summary>
    public required string Changes { get; set; }

    /// <summary>Made by no signed-in person (see <see cref="SystemUserName"/>).</summary>
    public bool IsBySystem => UserId is null && UserName == SystemUserName;
}

public enum AuditAction
{
    Create = 0,
    Update = 1,
    Delete = 2,
}
