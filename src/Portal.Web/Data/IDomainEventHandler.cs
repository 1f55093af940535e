using Portal.Domain.Common;

namespace Portal.Web.Data;

/// <summary>
/// Does what must happen with a change, in the change's transaction (decision 0023): a notification row for those it
/// concerns, a task a resolution creates. The save asks every handler about every domain event once the change's rows
/// have their keys (<paramref name="source"/> is the entity that raised it); rows a handler adds to
/// <paramref name="db"/> are saved, audited and mapped to live events in the same transaction, and events their entities
/// raise are handled in turn. A handler that throws fails the save: the change and everything it brought are rolled
/// back, and nothing is delivered. Slices register their handlers as singletons and ignore events that are not theirs.
/// </summary>
public interface IDomainEventHandler
{
    Task HandleAsync(PortalDbContext db, Entity source, IDomainEvent domainEvent, CancellationToken ct);
}
