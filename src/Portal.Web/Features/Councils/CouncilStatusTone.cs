using Portal.Web.Components.Shared;
using Portal.Domain.Councils;

namespace Portal.Web.Features.Councils;

/// <summary>
/// The tone of a meeting's or a topic's status chip (the kit's <see cref="StatusChip"/>), one meaning each as
/// everywhere in the portal: raised or waiting blue, in progress amber, done green, closed grey.
/// </summary>
public static class CouncilStatusTone
{
    /// <summary>
    /// An ended meeting is still under way (amber): its word is "已结束（纪要起草中）", the minutes are being drafted; it
    /// is done (green) when they are approved. (The meeting list said amber and the meeting's own header green until
    /// the three chips became one.)
    /// </summary>
    public static StatusTone Of(MeetingStatus status) => status switch
    {
        MeetingStatus.Requested or MeetingStatus.Scheduled or MeetingStatus.AgendaConfirmed => StatusTone.Info,
        MeetingStatus.InProgress or MeetingStatus.Ended => StatusTone.Warning,
        MeetingStatus.MinutesApproved => StatusTone.Success,
        _ => StatusTone.Neutral,
    };

    /// <summary>Submitted is new (blue), deferred is still open (amber), accepted is settled (green), merged and withdrawn are closed.</summary>
    public static StatusTone Of(TopicStatus status) => status switch
    {
        TopicStatus.Submitted => StatusTone.Info,
        TopicStatus.Deferred => StatusTone.Warning,
        TopicStatus.Accepted => StatusTone.Success,
        _ => StatusTone.Neutral,
    };
}
