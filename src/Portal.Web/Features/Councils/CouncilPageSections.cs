using Portal.Domain.Councils;
using Portal.Web.Kit.Sections;

namespace Portal.Web.Features.Councils;

/// <summary>
/// Where a council slice shows a piece of itself on the council pages (decision 0024, "Councils pages"): the pages belong to
/// the area kit and name no slice; each slice registers its pieces with <see cref="PageSections.AddPageSection{TComponent}"/>,
/// and <see cref="SlotSections"/> renders them.
/// </summary>
public enum CouncilPageSlot
{
    /// <summary>The council page's row of links under its title.</summary>
    [SlotParameter(CouncilPageSections.CouncilIdParameter, typeof(int))]
    Links,

    /// <summary>The council page's calendar box, above the meeting lists.</summary>
    [SlotParameter(CouncilPageSections.CouncilIdParameter, typeof(int))]
    Calendar,

    /// <summary>The council page, between the calendar and the roster.</summary>
    [SlotParameter(CouncilPageSections.CouncilIdParameter, typeof(int))]
    AfterCalendar,

    /// <summary>Each row of a meeting list, after its status.</summary>
    [SlotParameter(CouncilPageSections.MeetingIdParameter, typeof(int))]
    [SlotParameter(CouncilPageSections.StatusParameter, typeof(MeetingStatus))]
    MeetingRow,
}

/// <summary>The parameters the council slots pass to their sections.</summary>
public static class CouncilPageSections
{
    public const string CouncilIdParameter = "CouncilId";
    public const string MeetingIdParameter = "MeetingId";
    public const string StatusParameter = "Status";

    public static IDictionary<string, object> ForCouncil(int councilId) => new Dictionary<string, object> { [CouncilIdParameter] = councilId };

    public static IDictionary<string, object> ForMeeting(int meetingId, MeetingStatus status) =>
        new Dictionary<string, object> { [MeetingIdParameter] = meetingId, [StatusParameter] = status };
}
