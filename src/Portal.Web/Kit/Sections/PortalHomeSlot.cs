namespace Portal.Web.Kit.Sections;

/// <summary>
/// The portal's home page (it belongs to the host, which names no slice's card): what waits for the person — a vote to
/// cast, a deliberation step to complete — above the area tiles. Each slice registers its cards with
/// <see cref="PageSections.AddPageSection{TComponent}"/>; a card shows nothing when nothing waits.
/// </summary>
public enum PortalHomeSlot
{
    Cards,
}

/// <summary>The home slot's parameters (none).</summary>
public static class PortalHomeSlots
{
    public static IDictionary<string, object> None() => new Dictionary<string, object>();
}
