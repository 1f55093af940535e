using Portal.Domain.Access;
using Portal.Domain.Auditing;
using Portal.Domain.Common;

namespace Portal.Domain.Voting;

/// <summary>
/// One stored version of a rule set (decision 0032). Never changed once stored: editing a rule set adds the next version,
/// so a vote that opened under a version is counted under it however the rules change later. Shipped versions
/// (<see cref="ShippedRuleSets"/>) belong to nobody (no street, no community); a street's or a community's own versions
/// are used there only. The version number is unique per code across all owners, so code + version names one rule set.
/// </summary>
public sealed class RuleSetVersion : Entity
{
    public const int CodeMaxLength = 64;
    public const int NameMaxLength = 100;
    public const string NotAllowed = "Voting.RuleSet.Error.NotAllowed";
    public const string OwnerRequired = "Voting.RuleSet.Error.OwnerRequired";
    public const string TooLong = "Voting.RuleSet.Error.TooLong";

    private RuleSetVersion() { }

    public string Code { get; private set; } = "";
    public int Version { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>The rule itself, stored as JSON; its <see cref="RuleSet.Code"/>, version and name are the columns'.</summary>
    public RuleSet Rules { get; private set; } = null!;
    /// <summary>Owner street (a street's own version), or null.</summary>
    public int? StreetId { get; private set; }
    /// <summary>Owner community (a community's own version), or null; both null: shipped with the portal.</summary>
    public int? CommunityId { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }

    public bool IsShipped => StreetId is null && CommunityId is null;

    /// <summary>A shipped rule set as stored by the portal itself.</summary>
    public static RuleSetVersion Shipped(RuleSet rules, DateTime nowUtc) =>
        new() { Code = rules.Code, Version = rules.Version, Name = rules.Name, Rules = rules, CreatedBy = AuditEntry.SystemUserName, CreatedAtUtc = nowUtc };

    /// <summary>
    /// Whether <paramref name="policy"/> may add versions owned by <paramref name="streetId"/> or <paramref name="communityId"/>:
    /// a street administrator for their street and its communities, a community's secretary for their own community.
    /// Nobody adds shipped versions (they come with the portal) or another community's.
    /// </summary>
    public static bool MayEdit(AccessPolicy policy, int? streetId, int? communityId) => (streetId, communityId) switch
    {
        (null, { } community) => policy.CanManageCommunity(community),
        ({ } street, null) => policy.CanManageStreet(street),
        _ => false,
    };

    /// <summary>
    /// The next version of <paramref name="edited"/>'s code, owned by a street or a community, numbered
    /// <paramref name="version"/> (the code's highest plus one): the error code of the first rule broken, or the version.
    /// </summary>
    public static (RuleSetVersion? Created, string? Error) Edit(RuleSet edited, int version, int? streetId, int? communityId, string by, DateTime nowUtc)
    {
        if ((streetId is null) == (communityId is null)) return (null, OwnerRequired);
        var rules = edited with { Code = edited.Code.Trim(), Name = edited.Name.Trim(), Version = version };
        if (rules.Validate() is { } error) return (null, error);
        if (rules.Code.Length > CodeMaxLength || rules.Name.Length > NameMaxLength) return (null, TooLong);
        return (new RuleSetVersion
        {
            Code = rules.Code, Version = version, Name = rules.Name, Rules = rules, StreetId = streetId, CommunityId = communityId,
            CreatedBy = by, CreatedAtUtc = nowUtc,
        }, null);
    }
}
