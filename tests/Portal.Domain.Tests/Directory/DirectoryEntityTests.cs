using Portal.Domain.Directory;

namespace Portal.Domain.Tests.Directory;

public sealed class DirectoryEntityTests
{
    [Fact]
    public void A_street_is_renamed_and_recoded_but_not_to_a_blank_or_overlong_name()
    {
        var street = new Street { Name = "和平里街道", Code = "110105011" };

        street.Rename("和平里街道办事处", null);

        Assert.Equal("和平里街道办事处", street.Name);
        Assert.Null(street.Code);
        Assert.Throws<ArgumentException>(() => street.Rename(" ", null));
        Assert.Throws<ArgumentException>(() => street.Rename(new string('街', DirectoryLimits.Name + 1), null));
        Assert.Throws<ArgumentException>(() => street.Rename("和平里街道", new string('1', DirectoryLimits.Code + 1)));
        Assert.Equal("和平里街道办事处", street.Name);
    }

    [Fact]
    public void Communities_grids_and_buildings_move_only_to_a_stored_parent()
    {
        var community = new Community { StreetId = 1, Name = "青年湖社区" };
        var grid = new Grid { CommunityId = 1, Name = "第一网格" };
        var building = new Building { GridId = 1, Name = "1号楼" };

        community.Update(2, "安德里社区", "110105011002", "安德路 5 号");
        grid.Update(3, "第二网格");
        building.Update(4, "2号楼");

        Assert.Equal((2, "安德里社区", "110105011002", "安德路 5 号"), (community.StreetId, community.Name, community.Code, community.Address));
        Assert.Equal((3, "第二网格"), (grid.CommunityId, grid.Name));
        Assert.Equal((4, "2号楼"), (building.GridId, building.Name));
        Assert.Throws<ArgumentOutOfRangeException>(() => community.Update(0, "安德里社区", null, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => grid.Update(0, "第二网格"));
        Assert.Throws<ArgumentOutOfRangeException>(() => building.Update(0, "2号楼"));
    }

    [Fact]
    public void A_household_keeps_an_area_that_can_weigh_in_a_vote_and_an_empty_entrance_for_one_entrance_buildings()
    {
        var household = new Household { DoorNumber = "101" };

        household.Update(7, "", "301", 89.5m, AreaSource.Survey);

        Assert.Equal((7, "", "301", 89.5m, AreaSource.Survey),
            (household.BuildingId, household.Entrance, household.DoorNumber, household.ExclusiveArea, household.AreaSource));
        Assert.Throws<ArgumentOutOfRangeException>(() => household.Update(7, "", "301", 0m, AreaSource.Register));
        Assert.Throws<ArgumentOutOfRangeException>(() => household.Update(7, "", "301", 89.555m, AreaSource.Register));
        Assert.Throws<ArgumentOutOfRangeException>(() => household.Update(7, "", "301", DirectoryLimits.MaxExclusiveArea + 1, AreaSource.Register));
        Assert.Throws<ArgumentOutOfRangeException>(() => household.Update(7, "", "301", 89.5m, (AreaSource)9));
        Assert.Throws<ArgumentException>(() => household.Update(7, "", " ", 89.5m, AreaSource.Register));
        Assert.Equal(89.5m, household.ExclusiveArea);
    }

    [Fact]
    public void Owning_a_flat_keeps_the_stored_owners_still_named_drops_the_others_and_adds_each_owner_once()
    {
        var household = new Household { DoorNumber = "101" };
        household.AddOwner(new HouseholdOwnership { OwnerId = 1 });
        household.AddOwner(new HouseholdOwnership { OwnerId = 2 });
        var kept = household.Ownerships.Single(o => o.OwnerId == 1);
        var newcomer = new Owner { CommunityId = 1, Name = "新业主" };

        household.OwnedBy([new HouseholdOwnership { OwnerId = 1 }, new HouseholdOwnership { Owner = newcomer }, new HouseholdOwnership { Owner = newcomer }]);

        Assert.Equal(2, household.Ownerships.Count);
        Assert.Same(kept, household.Ownerships[0]);
        Assert.Same(newcomer, household.Ownerships[1].Owner);
        household.AddOwner(new HouseholdOwnership { OwnerId = 1 });
        Assert.Equal(2, household.Ownerships.Count);
    }

    [Fact]
    public void A_person_has_a_valid_phone_and_lives_in_the_community_of_their_grid()
    {
        var person = new Person { Name = "张伟" };

        person.Describe("张伟", "13800138000", isPartyMember: true, "调解");
        person.PlaceAt(homeUnitId: 4, homePartyOrganizationId: 5, residenceCommunityId: 1, gridId: 2);

        Assert.Equal(("13800138000", true, "调解"), (person.Phone, person.IsPartyMember, person.Skills));
        Assert.Equal(((int?)4, (int?)5, (int?)1, (int?)2), (person.HomeUnitId, person.HomePartyOrganizationId, person.ResidenceCommunityId, person.GridId));
        Assert.Throws<ArgumentException>(() => person.Describe("张伟", "电话", false, null));
        Assert.Throws<ArgumentException>(() => person.Describe(new string('张', DirectoryLimits.PersonName + 1), null, false, null));
        Assert.Throws<ArgumentException>(() => person.PlaceAt(null, null, residenceCommunityId: null, gridId: 2));
        Assert.Equal("13800138000", person.Phone);
    }

    [Fact]
    public void A_unit_is_placed_described_and_staffed_through_its_methods()
    {
        var unit = new CoBuildingUnit { StreetId = 1, Name = "示例科技有限公司" };
        var leader = new Person { Name = "王强" };

        unit.Update(1, 3, "示例科技", UnitType.PrivateEnterprise, "和平里东街 1 号");
        unit.AssignParty(partyOrganizationId: 8, leaderPersonId: 9, liaisonPersonId: null);
        unit.AppointStaff(leader, liaison: null);

        Assert.Equal((1, (int?)3, "示例科技", UnitType.PrivateEnterprise, "和平里东街 1 号"), (unit.StreetId, unit.CommunityId, unit.Name, unit.Type, unit.Address));
        Assert.Equal(((int?)8, (int?)9, (int?)null), (unit.PartyOrganizationId, unit.LeaderPersonId, unit.LiaisonPersonId));
        Assert.Same(leader, unit.Leader);
        Assert.Null(unit.Liaison);
        Assert.Throws<ArgumentOutOfRangeException>(() => unit.Update(0, null, "示例科技", UnitType.Other, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => unit.Update(1, null, "示例科技", (UnitType)99, null));
    }

    [Fact]
    public void A_party_organisation_is_never_its_own_parent()
    {
        var organization = new PartyOrganization { Id = 5, Name = "党支部" };

        organization.Update("第一党支部", PartyOrganizationLevel.Branch, parentId: 2, communityId: 1, "郑建国");

        Assert.Equal(("第一党支部", PartyOrganizationLevel.Branch, (int?)2, (int?)1, "郑建国"),
            (organization.Name, organization.Level, organization.ParentId, organization.CommunityId, organization.SecretaryName));
        Assert.Throws<ArgumentException>(() => organization.Update("第一党支部", PartyOrganizationLevel.Branch, parentId: 5, null, null));
        Assert.Equal((int?)2, organization.ParentId);
    }
}
