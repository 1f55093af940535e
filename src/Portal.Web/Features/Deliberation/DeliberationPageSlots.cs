using Portal.Web.Kit.Sections;

namespace Portal.Web.Features.Deliberation;

/// <summary>
/// Where a deliberation slice shows a piece of itself on a page it does not own (decision 0024): the landing page belongs
/// to the area kit, the session page to Sessions; each slice registers its pieces with
/// <see cref="PageSections.AddPageSection{TComponent}"/>.
/// </summary>
public enum DeliberationHomeSlot
{
    /// <summary>The landing page <c>/deliberation</c>, top to bottom in registration order; each section decides by the caller's rights what it shows.</summary>
    Sections,
}

public enum SessionPageSlot
{
    /// <summary>
    /// The session page, under the timeline (notices, the linked vote…). The session's version is passed too, so a
    /// section reads again when a step is completed (the notice section then offers to publish): with the id alone,
    /// unchanged, Blazor would not set the section's parameters again.
    /// </summary>
    [SlotParameter(DeliberationSlots.SessionIdParameter, typeof(int))]
    [SlotParameter(DeliberationSlots.SessionVersionParameter, typeof(Guid))]
    AfterTimeline,
}

public enum MatterPageSlot
{
    /// <summary>
    /// The matter page's actions, under the matter (starting its session…). The matter's version is passed too, so a
    /// section reads again when the page shows a changed matter (accepted, its session started): with the id alone,
    /// unchanged, Blazor would not set the section's parameters again and it would keep what it read first.
    /// </summary>
    [SlotParameter(DeliberationSlots.MatterIdParameter, typeof(int))]
    [SlotParameter(DeliberationSlots.MatterVersionParameter, typeof(Guid))]
    Actions,
}

/// <summary>The parameters the deliberation slots pass to their sections.</summary>
public static class DeliberationSlots
{
    public const string SessionIdParameter = "SessionId";
    public const string SessionVersionParameter = "SessionVersion";
    public const string MatterIdParameter = "MatterId";
    public const string MatterVersionParameter = "MatterVersion";

    public static IDictionary<string, object> None() => new Dictionary<string, object>();

    public static IDictionary<string, object> ForMatter(int matterId, Guid version) =>
        new Dictionary<string, object> { [MatterIdParameter] = matterId, [MatterVersionParameter] = version };

    public static IDictionary<string, object> ForSession(int sessionId, Guid version) =>
        new Dictionary<string, object> { [SessionIdParameter] = sessionId, [SessionVersionParameter] = version };
}

/// <summary>The area's addresses, so a slice links to another's page without naming it.</summary>
public static class DeliberationPaths
{
    public const string Home = "deliberation";
    public const string NewMatter = "deliberation/matters/new";
    public const string Matters = "deliberation/matters";
    public const string Templates = "deliberation/templates";

    public static string Matter(int id) => $"deliberation/matters/{id}";
    public static string Session(int id) => $"deliberation/sessions/{id}";
}
