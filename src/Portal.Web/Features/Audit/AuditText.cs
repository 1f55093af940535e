namespace Portal.Web.Features.Audit;

/// <summary>Marker for the audit feature's localized strings (AuditText.resx).</summary>
public sealed class AuditText;
