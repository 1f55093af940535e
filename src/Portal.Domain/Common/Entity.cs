namespace Portal.Domain.Common;

/// <summary>
/// Base of every persisted domain object: an integer key, and the domain events its methods raised since it was loaded
/// (kept in a field with no property, so the data model maps nothing for them).
/// </summary>
public abstract class Entity
{
    private List<IDomainEvent>? _events;

    public int Id { get; set; }

    /// <summary>Records that something happened to this entity; the save that stores the change takes it.</summary>
    protected void Raise(IDomainEvent domainEvent) => (_events ??= []).Add(domainEvent);

    /// <summary>The events raised since the last call, in the order raised; the list is emptied.</summary>
    public IReadOnlyList<IDomainEvent> TakeEvents()
    {
        if (_events is not { Count: > 0 } events) return [];
        _events = null;
        return events;
    }
}

/// <summary>
/// An entity that two people may edit at once. <see cref="Version"/> is an optimistic-concurrency token that the
/// data layer renews on every save, so a stale edit is refused instead of silently overwriting a newer one.
/// </summary>
public abstract class VersionedEntity : Entity
{
    public Guid Version { get; set; } = Guid.NewGuid();
}
