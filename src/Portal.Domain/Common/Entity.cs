namespace Portal.Domain.Common;

/// <summary>Base of every persisted domain object: an integer key.</summary>
public abstract class Entity
{
    public int Id { get; set; }
}

/// <summary>
/// An entity that two people may edit at once. <see cref="Version"/> is an optimistic-concurrency token that the
/// data layer renews on every save, so a stale edit is refused instead of silently overwriting a newer one.
/// </summary>
public abstract class VersionedEntity : Entity
{
    public Guid Version { get; set; } = Guid.NewGuid();
}
