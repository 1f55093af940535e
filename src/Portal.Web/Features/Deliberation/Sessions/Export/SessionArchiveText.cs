namespace Portal.Web.Features.Deliberation.Sessions.Export;

/// <summary>Marker for the session archive's strings (SessionArchiveText.resx, SessionArchiveText.en.resx).</summary>
public sealed class SessionArchiveText;
