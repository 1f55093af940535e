using QRCoder;

namespace Portal.Web.Features.Councils.Display;

/// <summary>The meeting's check-in QR code as SVG (sharp on a projector and in print, no image library needed).</summary>
public static class CheckInQr
{
    /// <summary>
    /// The check-in page of a meeting, relative to the site. It carries no secret on purpose: the page only lets a
    /// signed-in participant check themselves in, and presence is confirmed by the roll call at the meeting, so a photo of
    /// the code passed to someone outside the room gains them nothing they could not do by typing the address.
    /// </summary>
    public static string PathOf(int meetingId) => $"/councils/meetings/{meetingId}/check-in";

    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        // Level M survives a smudged printout or a glare on the screen and keeps the code small enough to scan from afar.
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
