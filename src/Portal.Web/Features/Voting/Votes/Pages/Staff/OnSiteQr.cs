using QRCoder;

namespace Portal.Web.Features.Voting.Votes.Pages.Staff;

/// <summary>
/// The projector's QR code for on-site voting, as SVG (sharp on a projector, no image library). It carries no secret: the
/// page it opens lets only a signed-in elector on the roll vote for their own row, so a photo of the code passed outside
/// the room gains nobody anything they could not do by typing the address. (The same drawing as the councils' check-in
/// code, which lives in another slice; a shared kit helper would serve both.)
/// </summary>
public static class OnSiteQr
{
    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        // Level M survives glare on the screen and keeps the code small enough to scan from the back of the room.
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
