using MudBlazor;
using Portal.Domain.Councils;

namespace Portal.Web.Features.Councils;

/// <summary>
/// The colour of a meeting's or a topic's status chip, one meaning each as everywhere in the portal (design brief):
/// raised or waiting blue, in progress amber, done green, closed grey. The chip always carries the status's word too.
/// </summary>
public static class MeetingStatusColor
{
    public static Color Of(MeetingStatus status) => status switch
    {
        MeetingStatus.Requested or MeetingStatus.Scheduled or MeetingStatus.AgendaConfirmed => Color.Info,
        MeetingStatus.InProgress => Color.Warning,
        MeetingStatus.Ended or MeetingStatus.MinutesApproved => Color.Success,
        _ => Color.Default,
    };

    /// <summary>Submitted is new (blue), deferred is still open (amber), accepted is settled (green), merged and withdrawn are closed.</summary>
    public static Color Of(TopicStatus status) => status switch
    {
        TopicStatus.Submitted => Color.Info,
        TopicStatus.Deferred => Color.Warning,
        TopicStatus.Accepted => Color.Success,
        _ => Color.Default,
    };
}
