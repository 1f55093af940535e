using Microsoft.AspNetCore.Components;
using Portal.Web.Features.Deliberation;
using Portal.Web.Kit.Sections;

namespace Portal.Components.Tests.DeliberationMatters;

/// <summary>
/// The matter page's actions slot passes the matter's version with its id, so a section (the start-session picker) reads
/// again when the page shows the matter changed — accepted, or its session started — and not on every re-render.
/// </summary>
public sealed class MatterActionsSlotTests : PortalComponentTest
{
    /// <summary>Counts how often the slot set its parameters.</summary>
    public sealed class Probe : ComponentBase
    {
        public static int Reads;

        [Parameter] public int MatterId { get; set; }
        [Parameter] public Guid MatterVersion { get; set; }

        protected override void OnParametersSet() => Reads++;
    }

    [Fact]
    public void A_section_reads_again_when_the_matter_changes_and_only_then()
    {
        Services.AddPageSection<Probe>(MatterPageSlot.Actions);
        Probe.Reads = 0;
        var accepted = Guid.NewGuid();
        var slot = Render<SlotSections>(p => p.Add(s => s.Slot, MatterPageSlot.Actions).Add(s => s.Parameters, DeliberationSlots.ForMatter(5, Guid.NewGuid())));
        Assert.Equal(1, Probe.Reads);

        slot.Render(p => p.Add(s => s.Parameters, DeliberationSlots.ForMatter(5, accepted)));
        Assert.Equal(2, Probe.Reads);

        slot.Render(p => p.Add(s => s.Parameters, DeliberationSlots.ForMatter(5, accepted)));
        Assert.Equal(2, Probe.Reads);
    }
}
