using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Directory;

namespace Portal.Web.Data;

internal sealed class StreetConfiguration : IEntityTypeConfiguration<Street>
{
    public void Configure(EntityTypeBuilder<Street> e)
    {
        e.Property(x => x.Name).HasMaxLength(DirectoryLimits.Name);
        e.Property(x => x.Code).HasMaxLength(DirectoryLimits.Code);
        e.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class CommunityConfiguration : IEntityTypeConfiguration<Community>
{
    public void Configure(EntityTypeBuilder<Community> e)
    {
        e.Property(x => x.Name).HasMaxLength(DirectoryLimits.Name);
        e.Property(x => x.Code).HasMaxLength(DirectoryLimits.Code);
        e.Property(x => x.Address).HasMaxLength(DirectoryLimits.Address);
        e.HasOne(x => x.Street).WithMany(x => x.Communities).HasForeignKey(x => x.StreetId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.StreetId, x.Name }).IsUnique();
    }
}

internal sealed class GridConfiguration : IEntityTypeConfiguration<Grid>
{
    public void Configure(EntityTypeBuilder<Grid> e)
    {
        e.Property(x => x.Name).HasMaxLength(DirectoryLimits.Name);
        e.HasOne(x => x.Community).WithMany(x => x.Grids).HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.CommunityId, x.Name }).IsUnique();
    }
}

internal sealed class BuildingConfiguration : IEntityTypeConfiguration<Building>
{
    public void Configure(EntityTypeBuilder<Building> e)
    {
        e.Property(x => x.Name).HasMaxLength(DirectoryLimits.Name);
        e.HasOne(x => x.Grid).WithMany(x => x.Buildings).HasForeignKey(x => x.GridId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.GridId, x.Name }).IsUnique();
        // Restrict: an area still holding buildings is refused on delete (the directory's in-use rule), not emptied silently.
        e.HasOne(x => x.PropertyArea).WithMany().HasForeignKey(x => x.PropertyAreaId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PropertyAreaConfiguration : IEntityTypeConfiguration<PropertyArea>
{
    public void Configure(EntityTypeBuilder<PropertyArea> e)
    {
        e.Property(x => x.Name).HasMaxLength(DirectoryLimits.Name);
        e.HasOne(x => x.Community).WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.CommunityId, x.Name }).IsUnique();
    }
}

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> e)
    {
        e.Property(x => x.Entrance).HasMaxLength(DirectoryLimits.Code);
        e.Property(x => x.DoorNumber).HasMaxLength(DirectoryLimits.Code);
        e.HasOne(x => x.Building).WithMany(x => x.Households).HasForeignKey(x => x.BuildingId).OnDelete(DeleteBehavior.Restrict);
        // Entrance is normalised to "" (never null) so that the unique index also holds for one-entrance buildings.
        e.Property(x => x.Entrance).IsRequired().HasDefaultValue("");
        e.HasIndex(x => new { x.BuildingId, x.Entrance, x.DoorNumber }).IsUnique();
    }
}

internal sealed class OwnerConfiguration : IEntityTypeConfiguration<Owner>
{
    public void Configure(EntityTypeBuilder<Owner> e)
    {
        e.Property(x => x.Name).HasMaxLength(DirectoryLimits.Name);
        e.Property(x => x.Phone).HasMaxLength(DirectoryLimits.Phone);
        e.HasOne(x => x.Community).WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(x => new { x.CommunityId, x.Name });
    }
}

internal sealed class HouseholdOwnershipConfiguration : IEntityTypeConfiguration<HouseholdOwnership>
{
    public void Configure(EntityTypeBuilder<HouseholdOwnership> e)
    {
        e.HasOne(x => x.Household).WithMany(x => x.Ownerships).HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Owner).WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.HouseholdId, x.OwnerId }).IsUnique();
    }
}

internal sealed class CoBuildingUnitConfiguration : IEntityTypeConfiguration<CoBuildingUnit>
{
    public void Configure(EntityTypeBuilder<CoBuildingUnit> e)
    {
        e.ToTable("Units");
        e.Property(x => x.Name).HasMaxLength(DirectoryLimits.Name);
        e.Property(x => x.Address).HasMaxLength(DirectoryLimits.Address);
        e.HasOne(x => x.Street).WithMany().HasForeignKey(x => x.StreetId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Community).WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.PartyOrganization).WithMany().HasForeignKey(x => x.PartyOrganizationId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(x => x.Leader).WithMany().HasForeignKey(x => x.LeaderPersonId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(x => x.Liaison).WithMany().HasForeignKey(x => x.LiaisonPersonId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(x => new { x.StreetId, x.Name }).IsUnique();
    }
}

internal sealed class PartyOrganizationConfiguration : IEntityTypeConfiguration<PartyOrganization>
{
    public void Configure(EntityTypeBuilder<PartyOrganization> e)
    {
        e.Property(x => x.Name).HasMaxLength(DirectoryLimits.Name);
        e.Property(x => x.SecretaryName).HasMaxLength(DirectoryLimits.PersonName);
        e.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Community).WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.Name);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> e)
    {
        e.Property(x => x.Name).HasMaxLength(DirectoryLimits.PersonName);
        e.Property(x => x.Phone).HasMaxLength(DirectoryLimits.Phone);
        e.Property(x => x.Skills).HasMaxLength(DirectoryLimits.Address);
        // The column was added to a table with rows (20261207090000_Electorate): they start as non-representatives.
        e.Property(x => x.IsRepresentative).HasDefaultValue(false);
        e.HasOne(x => x.HomeUnit).WithMany().HasForeignKey(x => x.HomeUnitId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(x => x.HomePartyOrganization).WithMany().HasForeignKey(x => x.HomePartyOrganizationId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(x => x.ResidenceCommunity).WithMany().HasForeignKey(x => x.ResidenceCommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Grid).WithMany().HasForeignKey(x => x.GridId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(x => x.Household).WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(x => x.Name);
        e.HasIndex(x => x.ResidenceCommunityId);
    }
}
