using Portal.Domain.Auditing;

namespace Portal.Domain.Access;

/// <summary>
/// Who a command or query runs for: the account (null when nobody is signed in), its sign-in name (what the audit trail
/// records), the display name (what the portal writes on things the person authors), the directory person the account is
/// linked to, and the access policy of their scoped roles. Resolved once per request, circuit activity or hub call by the
/// web layer's <c>CallerScope</c>; services take it from there and never read a principal themselves.
/// The sets that the visibility rules ask for again and again are computed once, on first use.
/// </summary>
public sealed class Caller
{
    private readonly Lazy<IReadOnlyList<int>> _managed;
    private readonly Lazy<IReadOnlyList<int>> _visible;

    public Caller(string? userId, string userName, string name, int? personId, AccessPolicy policy)
    {
        UserId = string.IsNullOrEmpty(userId) ? null : userId;
        UserName = userName;
        Name = name;
        PersonId = personId;
        Policy = policy;
        // Not signed in: whatever the principal claimed, nothing is managed or visible (as every service had it).
        _managed = new(() => UserId is null ? [] : policy.ManagedCommunities.Order().ToList());
        _visible = new(() => UserId is null ? [] : policy.VisibleCommunities.Order().ToList());
    }

    /// <summary>Nobody signed in: no roles, no account.</summary>
    public static Caller Anonymous { get; } = new(null, "", "", null, new AccessPolicy([], DirectoryScope.Empty));

    /// <summary>
    /// The portal itself (background services, start-up work): no account and no roles; the audit trail names it
    /// <see cref="AuditEntry.SystemUserName"/>. Code running as the system decides what it touches itself.
    /// </summary>
    public static Caller System { get; } = new(null, AuditEntry.SystemUserName, AuditEntry.SystemUserName, null, new AccessPolicy([], DirectoryScope.Empty));

    public string? UserId { get; }

    /// <summary>The account's sign-in name; <see cref="AuditEntry.SystemUserName"/> for the system, empty when anonymous.</summary>
    public string UserName { get; }

    /// <summary>The display name, as the sign-in cookie carries it.</summary>
    public string Name { get; }

    /// <summary>The directory person the account is linked to, if any.</summary>
    public int? PersonId { get; }

    public AccessPolicy Policy { get; }

    public bool IsSignedIn => UserId is not null;

    public bool IsSystem => ReferenceEquals(this, System);

    /// <summary>Communities whose directory and content the caller manages (secretary, street administrator); sorted.</summary>
    public IReadOnlyList<int> Managed => _managed.Value;

    /// <summary>Communities the caller belongs to in any role, or manages; sorted.</summary>
    public IReadOnlyList<int> Visible => _visible.Value;

    /// <summary>Grids the caller is the grid worker of.</summary>
    public IReadOnlyList<int> GridsWorked => Policy.ScopesOf(PortalRole.GridWorker);

    /// <summary>Co-building units the caller is the liaison of.</summary>
    public IReadOnlyList<int> LiaisonUnits => Policy.ScopesOf(PortalRole.UnitLiaison);

    /// <summary>Communities the caller is a Party member in.</summary>
    public IReadOnlyList<int> MemberCommunities => Policy.ScopesOf(PortalRole.PartyMember);

    public bool Manages(int communityId) => Managed.Contains(communityId);

    public bool Sees(int communityId) => Visible.Contains(communityId);

    public override string ToString() => IsSystem ? UserName : UserId is null ? "(anonymous)" : $"{UserName} ({UserId})";
}
