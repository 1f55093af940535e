
namespace Portal.Web.Features.Councils.Display;

/// <summary>What the manager's display page shows about a meeting (no token: it is shown only once, when generated).</summary>
public sealed record DisplayPageInfo(
    int MeetingId,
    string CouncilName,
    string Title,
    DateTime StartsAtUtc,
    DateTime EndsAtUtc,
    string? Location,
    bool HasLink);

/// <summary>The projector's start: the meeting snapshot, the check-in address and its QR code.</summary>
public sealed record DisplaySnapshot(MeetingSnapshot Meeting, string CheckInUrl, string QrSvg);
