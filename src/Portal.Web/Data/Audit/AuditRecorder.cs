using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Portal.Domain.Access;
using Microsoft.EntityFrameworkCore.Metadata;
using Portal.Domain.Announcements;
using Portal.Domain.Auditing;
using Portal.Web.Data.Live;

namespace Portal.Web.Data.Audit;

/// <summary>Who is making the change being saved; resolved from the current request or circuit.</summary>
public interface IAuditActor
{
    string? UserId { get; }
    string UserName { get; }
}

/// <summary>Turns tracked changes into audit entries (who, when, what changed).</summary>
internal static class AuditRecorder
{
    /// <summary>
    /// Rows that are bookkeeping, not domain data. A failed sign-in is counted, not audited (one entry per wrong password
    /// would let anyone fill the log); the pause or lock it leads to is audited when it concerns an account
    /// (<see cref="IConditionallyAudited"/>).
    /// </summary>
    private static readonly HashSet<Type> NotAudited = [typeof(AuditEntry), typeof(StoredLiveEvent), typeof(LiveChannel), typeof(AnnouncementRead), typeof(SignInFailure)];

    /// <summary>Properties whose values never go into the log, or whose changes are not worth an entry.</summary>
    /// <remarks>
    /// LockoutEnd is deliberately not noise: lockouts, unlocks and disabling an account are security events that
    /// administrators look for in the log. The failed-attempt counter changes on every wrong password and is noise.
    /// </remarks>
    private static readonly HashSet<string> Hidden = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Version"];
    private static readonly HashSet<string> Noise = ["AccessFailedCount", "SecurityStamp", "ConcurrencyStamp", "Version"];

    public static List<PendingAudit> Capture(ChangeTracker tracker)
    {
        var result = new List<PendingAudit>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (!IsAudited(entry.Metadata) || entry.Entity is IConditionallyAudited { IsAudited: false }) continue;
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Create,
                EntityState.Deleted => AuditAction.Delete,
                _ => AuditAction.Update,
            };
            var changes = new Dictionary<string, object?>();
            foreach (var p in entry.Properties)
            {
                var name = p.Metadata.Name;
                if (p.Metadata.IsPrimaryKey() && action != AuditAction.Update) continue;
                switch (action)
                {
                    case AuditAction.Create:
                        changes[name] = new { @new = Show(name, p.CurrentValue) };
                        break;
                    case AuditAction.Delete:
                        changes[name] = new { old = Show(name, p.OriginalValue) };
                        break;
                    default:
                        if (!p.IsModified || Equals(p.OriginalValue, p.CurrentValue) || Noise.Contains(name)) continue;
                        changes[name] = new { old = Show(name, p.OriginalValue), @new = Show(name, p.CurrentValue) };
                        break;
                }
            }
            if (action == AuditAction.Update && changes.Count == 0) continue;
            result.Add(new PendingAudit(entry, EntityTypeName(entry.Metadata), action, changes));
        }
        return result;
    }

    /// <summary>Whether changes of this entity type are recorded: the portal's own domain rows, not bookkeeping or Identity's tables.</summary>
    public static bool IsAudited(IReadOnlyEntityType entityType) =>
        !NotAudited.Contains(entityType.ClrType) && !entityType.IsOwned()
        && (entityType.ClrType.Namespace?.StartsWith("Portal.", StringComparison.Ordinal) ?? false);

    /// <summary>The <see cref="AuditEntry.EntityType"/> an entity type is recorded under.</summary>
    public static string EntityTypeName(IReadOnlyEntityType entityType) => entityType.ClrType.Name;

    private static object? Show(string property, object? value) =>
        Hidden.Contains(property) ? (value is null ? null : "***") : value;

    internal sealed record PendingAudit(EntityEntry Entry, string EntityType, AuditAction Action, Dictionary<string, object?> Changes)
    {
        public AuditEntry ToEntry(IAuditActor? actor) => new()
        {
            AtUtc = DateTime.UtcNow,
            UserId = actor?.UserId,
            UserName = actor?.UserName ?? AuditEntry.SystemUserName,
            EntityType = EntityType,
            // Read the key after the save, when generated keys are known.
            EntityId = string.Join(",", Entry.Metadata.FindPrimaryKey()!.Properties.Select(k => Entry.Property(k.Name).CurrentValue)),
            Action = Action,
            Changes = JsonSerializer.Serialize(Changes, JsonOptions),
        };
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
