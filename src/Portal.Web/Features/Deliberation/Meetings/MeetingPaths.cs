namespace Portal.Web.Features.Deliberation.Meetings;

/// <summary>The meeting pages' addresses. The phone page is also where the meeting's QR code leads (sign in, ask to speak).</summary>
public static class MeetingPaths
{
    public static string Meeting(int id) => $"/deliberation/meetings/{id}";
    public static string Desk(int id) => $"/deliberation/meetings/{id}/desk";
    public static string Display(int id) => $"/deliberation/meetings/{id}/display";
}
