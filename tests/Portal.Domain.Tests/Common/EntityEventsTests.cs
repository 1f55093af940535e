using Portal.Domain.Common;

namespace Portal.Domain.Tests.Common;

/// <summary>The events an entity raises are taken once, in the order raised.</summary>
public sealed class EntityEventsTests
{
    private sealed record Happened(int Step) : IDomainEvent;

    private sealed class Thing : Entity
    {
        public void Step(int n) => Raise(new Happened(n));
    }

    [Fact]
    public void Events_are_taken_in_the_order_raised_and_only_once()
    {
        var thing = new Thing();
        thing.Step(1);
        thing.Step(2);

        Assert.Equal([new Happened(1), new Happened(2)], thing.TakeEvents());
        Assert.Empty(thing.TakeEvents());
    }

    [Fact]
    public void An_entity_that_raised_nothing_has_no_events()
    {
        Assert.Empty(new Thing().TakeEvents());
    }
}
