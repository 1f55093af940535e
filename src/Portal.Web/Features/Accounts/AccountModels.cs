using Portal.Domain.Access;
using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Accounts;

/// <summary>One page of the account list: <paramref name="Search"/> matches user or display name.</summary>
public sealed record AccountQuery(string? Search, int Skip, int Take) : ISearchQuery;

public sealed record AccountPage(IReadOnlyList<AccountRow> Rows, int Total);

/// <summary>An account as the administration page shows it.</summary>
/// <param name="IsLockedOut">Temporarily locked for new devices after too many wrong passwords (devices it signed in on before still work).</param>
/// <param name="IsDisabled">Disabled by an administrator until enabled again.</param>
/// <param name="PausedAddresses">Client addresses whose new devices may not sign in to it for now after too many wrong passwords.</param>
/// <param name="CanManage">The caller may reset its password, unlock, disable or enable it and link it to a person.</param>
/// <param name="IsCaller">The caller's own account (it cannot be disabled by its holder).</param>
public sealed record AccountRow(
    string Id,
    string UserName,
    string DisplayName,
    int? PersonId,
    string? PersonName,
    bool IsLockedOut,
    bool IsDisabled,
    DateTimeOffset? LockoutEnd,
    int PausedAddresses,
    IReadOnlyList<AccountRoleRow> Roles,
    bool CanManage,
    bool IsCaller)
{
    /// <summary>Locked, or paused somewhere: an administrator's unlock ends both (a disabled account is enabled instead).</summary>
    public bool CanUnlock => !IsDisabled && (IsLockedOut || PausedAddresses > 0);
}

/// <summary>One role of an account, with the name of its scope for display.</summary>
/// <param name="CanRevoke">The scope lies in a street the caller administers.</param>
public sealed record AccountRoleRow(int AssignmentId, ScopedRole Role, string ScopeName, bool CanRevoke);

/// <summary>A street, community, grid or unit that a role can be granted over.</summary>
public sealed record ScopeOption(ScopeKind Kind, int Id, string Name);

/// <summary>A person of the directory that an account can be linked to.</summary>
public sealed record PersonOption(int Id, string Name, string? Place);

public sealed record NewAccount(string UserName, string DisplayName, string Password, int? PersonId);
