namespace Portal.Domain.Common;

/// <summary>
/// Something that happened to an entity, raised by the entity's own method when its state changes and taken by the
/// save that stores the change, so whatever follows (a live event, a notification) is written in the same transaction
/// (decision 0023). Events are facts in the past tense and carry ids and values, never entities.
/// </summary>
public interface IDomainEvent;
