using QRCoder;

namespace Portal.Web.Components.Shared;

/// <summary>
/// The one way a page draws a QR code (the meeting check-in sheet, the councils' projector, the vote projector): SVG,
/// sharp on a projector and on paper, no image library.
/// </summary>
public static class QrCode
{
    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        // Level M survives a smudged printout or a glare on the screen and keeps the code small enough to scan from afar.
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
