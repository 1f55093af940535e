using Portal.Domain.Access;

namespace Portal.Domain.Tests.Access;

public sealed class ScopedRoleTests
{
    [Fact]
    public void Formats_as_role_at_scope_colon_id()
    {
        Assert.Equal("CommunitySecretary@Community:3", new ScopedRole(PortalRole.CommunitySecretary, ScopeKind.Community, 3).ToString());
        Assert.Equal("StreetAdministrator@Street:1", new ScopedRole(PortalRole.StreetAdministrator, ScopeKind.Street, 1).ToString());
    }

    public static TheoryData<PortalRole, ScopeKind, int> EveryRoleAndScope()
    {
        var data = new TheoryData<PortalRole, ScopeKind, int>();
        foreach (var role in Enum.GetValues<PortalRole>())
        foreach (var scope in Enum.GetValues<ScopeKind>())
            data.Add(role, scope, 42);
        data.Add(PortalRole.Resident, ScopeKind.Community, int.MaxValue);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryRoleAndScope))]
    public void Round_trips_through_its_text_form(PortalRole role, ScopeKind scope, int id)
    {
        var original = new ScopedRole(role, scope, id);

        Assert.True(ScopedRole.TryParse(original.ToString(), out var parsed));
        Assert.Equal(original, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Resident")]
    [InlineData("Resident@Community")]
    [InlineData("Resident@Community:")]
    [InlineData("@Community:3")]
    [InlineData("Resident@:3")]
    [InlineData("Resident:3@Community")]
    [InlineData("Resident@Community:0")]
    [InlineData("Resident@Community:-3")]
    [InlineData("Resident@Community:abc")]
    [InlineData("Resident@Community:99999999999")]
    [InlineData("Mayor@Community:3")]
    [InlineData("Resident@Planet:3")]
    [InlineData("resident@community:3")]
    [InlineData("99@Community:3")]
    [InlineData("Resident@99:3")]
    public void Refuses_malformed_or_unknown_text(string? text)
    {
        Assert.False(ScopedRole.TryParse(text, out var value));
        Assert.Equal(default, value);
    }

    [Theory]
    [InlineData(PortalRole.StreetAdministrator, ScopeKind.Street)]
    [InlineData(PortalRole.CommunitySecretary, ScopeKind.Community)]
    [InlineData(PortalRole.CouncilMember, ScopeKind.Community)]
    [InlineData(PortalRole.CouncilMember, ScopeKind.Street)]
    [InlineData(PortalRole.UnitLiaison, ScopeKind.Unit)]
    [InlineData(PortalRole.GridWorker, ScopeKind.Grid)]
    [InlineData(PortalRole.PartyMember, ScopeKind.Community)]
    [InlineData(PortalRole.Resident, ScopeKind.Community)]
    public void Accepts_the_scopes_that_make_sense_for_a_role(PortalRole role, ScopeKind scope) =>
        Assert.True(ScopedRole.IsValidScopeFor(role, scope));

    [Fact]
    public void Refuses_every_other_combination_of_role_and_scope()
    {
        var valid = new HashSet<(PortalRole, ScopeKind)>
        {
            (PortalRole.StreetAdministrator, ScopeKind.Street),
            (PortalRole.CommunitySecretary, ScopeKind.Community),
            (PortalRole.CouncilMember, ScopeKind.Community),
            (PortalRole.CouncilMember, ScopeKind.Street),
            (PortalRole.UnitLiaison, ScopeKind.Unit),
            (PortalRole.GridWorker, ScopeKind.Grid),
            (PortalRole.PartyMember, ScopeKind.Community),
            (PortalRole.Resident, ScopeKind.Community),
        };
        foreach (var role in Enum.GetValues<PortalRole>())
        foreach (var scope in Enum.GetValues<ScopeKind>())
            Assert.True(valid.Contains((role, scope)) == ScopedRole.IsValidScopeFor(role, scope), $"{role}@{scope}");

        // Values outside the enums (e.g. from a tampered form post) are refused too.
        Assert.False(ScopedRole.IsValidScopeFor((PortalRole)99, ScopeKind.Community));
        Assert.False(ScopedRole.IsValidScopeFor(PortalRole.Resident, (ScopeKind)99));
    }
}
