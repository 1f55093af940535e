using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Deliberation;
using Portal.Web.Kit.Sections;

namespace Portal.Components.Tests.DeliberationKit;

/// <summary>
/// The area's slots through the kit's one registry: a section shows in its slot with the slot's parameters, not in
/// another; a component without the slot's parameter is refused when it is registered.
/// </summary>
public sealed class SlotSectionsTests : PortalComponentTest
{
    /// <summary>What p13e's notice section will look like to the session page: a component taking the session id.</summary>
    private sealed class SessionPiece : ComponentBase
    {
        [Parameter] public int SessionId { get; set; }
        [Parameter] public Guid SessionVersion { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "p");
            builder.AddAttribute(1, "data-testid", "session-piece");
            builder.AddContent(2, SessionId);
            builder.CloseElement();
        }
    }

    private sealed class NoParameters : ComponentBase;

    [Fact]
    public void A_registered_section_shows_in_its_slot_with_the_session_id_and_nowhere_else()
    {
        Services.AddPageSection<SessionPiece>(SessionPageSlot.AfterTimeline);

        var slot = Render<SlotSections>(p => p.Add(s => s.Slot, SessionPageSlot.AfterTimeline).Add(s => s.Parameters, DeliberationSlots.ForSession(42, Guid.NewGuid())));
        var home = Render<SlotSections>(p => p.Add(s => s.Slot, DeliberationHomeSlot.Sections).Add(s => s.Parameters, DeliberationSlots.None()));

        Assert.Equal("42", slot.Find("[data-testid=session-piece]").TextContent);
        Assert.Empty(home.FindAll("[data-testid=session-piece]"));
    }

    [Fact]
    public void A_component_without_the_slots_parameter_is_refused_at_registration()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Services.AddPageSection<NoParameters>(SessionPageSlot.AfterTimeline));

        Assert.Contains("SessionId", refused.Message);
        Assert.Contains("SessionPageSlot.AfterTimeline", refused.Message);
        // The landing page's slot takes nothing, so any component fits it.
        Services.AddPageSection<NoParameters>(DeliberationHomeSlot.Sections);
        Assert.Contains(Services, d => d.ImplementationInstance is PageSection { Component: var c } && c == typeof(NoParameters));
    }
}
