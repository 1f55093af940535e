namespace Portal.Domain.Auditing;

/// <summary>
/// A domain row that says itself whether its changes go into the audit trail. For rows that strangers can make the portal
/// write: a sign-in lock of a user name that is no account is kept (so the answers do not tell names from accounts) but
/// not audited, or anyone could fill the audit trail without signing in.
/// </summary>
public interface IConditionallyAudited
{
    bool IsAudited { get; }
}
