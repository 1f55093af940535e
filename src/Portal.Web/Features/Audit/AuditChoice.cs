namespace Portal.Web.Features.Audit;

/// <summary>A value of a filter drop-down with its text in the user's language.</summary>
public sealed record AuditChoice(string Value, string Text);
