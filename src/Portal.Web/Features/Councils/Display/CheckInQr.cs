namespace Portal.Web.Features.Councils.Display;

/// <summary>Where the meeting's check-in QR code leads (drawn by <c>QrCode</c>).</summary>
public static class CheckInQr
{
    /// <summary>
    /// The check-in page of a meeting, relative to the site. It carries no secret on purpose: the page only lets a
    /// signed-in participant check themselves in, and presence is confirmed by the roll call at the meeting, so a photo of
    /// the code passed to someone outside the room gains them nothing they could not do by typing the address.
    /// </summary>
    public static string PathOf(int meetingId) => $"/councils/meetings/{meetingId}/check-in";
}
