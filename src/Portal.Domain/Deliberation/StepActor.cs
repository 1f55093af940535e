using Portal.Domain.Access;

namespace Portal.Domain.Deliberation;

/// <summary>
/// Who completes a step, with the roles they hold <i>over the session's community</i>: a secretary of that community, a
/// street administrator of its street, a grid worker of one of its grids, a resident, Party member or council member of
/// it. A role held elsewhere does not count, so a secretary of the next community cannot tick off this one's steps.
/// </summary>
public sealed record StepActor(string UserId, string Name, IReadOnlySet<PortalRole> RolesHere)
{
    /// <summary>The caller's roles over <paramref name="communityId"/>, resolved through the directory.</summary>
    public static StepActor For(Caller caller, int communityId, DirectoryScope directory)
    {
        var roles = new HashSet<PortalRole>();
        if (caller.UserId is null) return new StepActor("", caller.Name, roles);
        foreach (var r in caller.Policy.Roles)
        {
            var here = r.Scope switch
            {
                ScopeKind.Community => r.ScopeId == communityId,
                ScopeKind.Street => directory.StreetOfCommunity(communityId) == r.ScopeId,
                ScopeKind.Grid => directory.CommunityOfGrid(r.ScopeId) == communityId,
                _ => false,
            };
            if (here) roles.Add(r.Role);
        }
        return new StepActor(caller.UserId, caller.Name, roles);
    }
}
