using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Portal.Web.Data.Migrations;

/// <summary>
/// The foundation schema: accounts, the directory, announcements, the audit trail and stored live events.
/// Written by hand (drafted with tools/Portal.MigrationDraft) and provider-neutral: column types come from each
/// provider's mapping of the CLR type, and identity columns carry both providers' annotations.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261123000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AspNetRoles",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                Name = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedName = table.Column<string>(maxLength: 256, nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoles", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                AtUtc = table.Column<DateTime>(nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: true),
                UserName = table.Column<string>(maxLength: 256, nullable: false),
                EntityType = table.Column<string>(maxLength: 100, nullable: false),
                EntityId = table.Column<string>(maxLength: 100, nullable: false),
                Action = table.Column<int>(nullable: false),
                Changes = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AuditEntries", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "LiveEvents",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Topic = table.Column<string>(maxLength: 200, nullable: false),
                Sequence = table.Column<long>(nullable: false),
                Type = table.Column<string>(maxLength: 100, nullable: false),
                Payload = table.Column<string>(nullable: false),
                ServerTimeUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LiveEvents", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Streets",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Code = table.Column<string>(maxLength: 20, nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Streets", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AspNetRoleClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                RoleId = table.Column<string>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Communities",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                StreetId = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Code = table.Column<string>(maxLength: 20, nullable: true),
                Address = table.Column<string>(maxLength: 200, nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Communities", x => x.Id);
                table.ForeignKey(
                    name: "FK_Communities_Streets_StreetId",
                    column: x => x.StreetId,
                    principalTable: "Streets",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Announcements",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CommunityId = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 120, nullable: false),
                BodyMarkdown = table.Column<string>(maxLength: 20000, nullable: false),
                IsPinned = table.Column<bool>(nullable: false),
                Status = table.Column<int>(nullable: false),
                PublishedAtUtc = table.Column<DateTime>(nullable: true),
                AuthorUserId = table.Column<string>(maxLength: 450, nullable: false),
                AuthorName = table.Column<string>(maxLength: 50, nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Announcements", x => x.Id);
                table.ForeignKey(
                    name: "FK_Announcements_Communities_CommunityId",
                    column: x => x.CommunityId,
                    principalTable: "Communities",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Grids",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CommunityId = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Grids", x => x.Id);
                table.ForeignKey(
                    name: "FK_Grids_Communities_CommunityId",
                    column: x => x.CommunityId,
                    principalTable: "Communities",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "PartyOrganizations",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Level = table.Column<int>(nullable: false),
                ParentId = table.Column<int>(nullable: true),
                CommunityId = table.Column<int>(nullable: true),
                SecretaryName = table.Column<string>(maxLength: 50, nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PartyOrganizations", x => x.Id);
                table.ForeignKey(
                    name: "FK_PartyOrganizations_Communities_CommunityId",
                    column: x => x.CommunityId,
                    principalTable: "Communities",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_PartyOrganizations_PartyOrganizations_ParentId",
                    column: x => x.ParentId,
                    principalTable: "PartyOrganizations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Buildings",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                GridId = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Buildings", x => x.Id);
                table.ForeignKey(
                    name: "FK_Buildings_Grids_GridId",
                    column: x => x.GridId,
                    principalTable: "Grids",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Households",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                BuildingId = table.Column<int>(nullable: false),
                Entrance = table.Column<string>(maxLength: 20, nullable: false, defaultValue: ""),
                DoorNumber = table.Column<string>(maxLength: 20, nullable: false),
                ExclusiveArea = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                AreaSource = table.Column<int>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Households", x => x.Id);
                table.ForeignKey(
                    name: "FK_Households_Buildings_BuildingId",
                    column: x => x.BuildingId,
                    principalTable: "Buildings",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AnnouncementReads",
            columns: table => new
            {
                AnnouncementId = table.Column<int>(nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                ReadAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AnnouncementReads", x => new { x.AnnouncementId, x.UserId });
                table.ForeignKey(
                    name: "FK_AnnouncementReads_Announcements_AnnouncementId",
                    column: x => x.AnnouncementId,
                    principalTable: "Announcements",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UserId = table.Column<string>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(nullable: false),
                ProviderKey = table.Column<string>(nullable: false),
                ProviderDisplayName = table.Column<string>(nullable: true),
                UserId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserRoles",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                RoleId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                table.ForeignKey(
                    name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                DisplayName = table.Column<string>(maxLength: 50, nullable: false),
                PersonId = table.Column<int>(nullable: true),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = table.Column<string>(maxLength: 256, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = table.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(nullable: false),
                PasswordHash = table.Column<string>(nullable: true),
                SecurityStamp = table.Column<string>(nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                PhoneNumber = table.Column<string>(nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUsers", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                LoginProvider = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey(
                    name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "RoleAssignments",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UserId = table.Column<string>(nullable: false),
                Role = table.Column<int>(nullable: false),
                Scope = table.Column<int>(nullable: false),
                ScopeId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RoleAssignments", x => x.Id);
                table.ForeignKey(
                    name: "FK_RoleAssignments_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "HouseholdOwnerships",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                HouseholdId = table.Column<int>(nullable: false),
                OwnerId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_HouseholdOwnerships", x => x.Id);
                table.ForeignKey(
                    name: "FK_HouseholdOwnerships_Households_HouseholdId",
                    column: x => x.HouseholdId,
                    principalTable: "Households",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Owners",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CommunityId = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Phone = table.Column<string>(maxLength: 20, nullable: true),
                Kind = table.Column<int>(nullable: false),
                PersonId = table.Column<int>(nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Owners", x => x.Id);
                table.ForeignKey(
                    name: "FK_Owners_Communities_CommunityId",
                    column: x => x.CommunityId,
                    principalTable: "Communities",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "People",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Name = table.Column<string>(maxLength: 50, nullable: false),
                Phone = table.Column<string>(maxLength: 20, nullable: true),
                IsPartyMember = table.Column<bool>(nullable: false),
                HomeUnitId = table.Column<int>(nullable: true),
                HomePartyOrganizationId = table.Column<int>(nullable: true),
                ResidenceCommunityId = table.Column<int>(nullable: true),
                GridId = table.Column<int>(nullable: true),
                HouseholdId = table.Column<int>(nullable: true),
                Skills = table.Column<string>(maxLength: 200, nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_People", x => x.Id);
                table.ForeignKey(
                    name: "FK_People_Communities_ResidenceCommunityId",
                    column: x => x.ResidenceCommunityId,
                    principalTable: "Communities",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_People_Grids_GridId",
                    column: x => x.GridId,
                    principalTable: "Grids",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
                table.ForeignKey(
                    name: "FK_People_Households_HouseholdId",
                    column: x => x.HouseholdId,
                    principalTable: "Households",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
                table.ForeignKey(
                    name: "FK_People_PartyOrganizations_HomePartyOrganizationId",
                    column: x => x.HomePartyOrganizationId,
                    principalTable: "PartyOrganizations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "Units",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                StreetId = table.Column<int>(nullable: false),
                CommunityId = table.Column<int>(nullable: true),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Type = table.Column<int>(nullable: false),
                Address = table.Column<string>(maxLength: 200, nullable: true),
                PartyOrganizationId = table.Column<int>(nullable: true),
                LeaderPersonId = table.Column<int>(nullable: true),
                LiaisonPersonId = table.Column<int>(nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Units", x => x.Id);
                table.ForeignKey(
                    name: "FK_Units_Communities_CommunityId",
                    column: x => x.CommunityId,
                    principalTable: "Communities",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Units_PartyOrganizations_PartyOrganizationId",
                    column: x => x.PartyOrganizationId,
                    principalTable: "PartyOrganizations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
                table.ForeignKey(
                    name: "FK_Units_People_LeaderPersonId",
                    column: x => x.LeaderPersonId,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
                table.ForeignKey(
                    name: "FK_Units_People_LiaisonPersonId",
                    column: x => x.LiaisonPersonId,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
                table.ForeignKey(
                    name: "FK_Units_Streets_StreetId",
                    column: x => x.StreetId,
                    principalTable: "Streets",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_AnnouncementReads_UserId", table: "AnnouncementReads", column: "UserId");

        migrationBuilder.CreateIndex(name: "IX_Announcements_CommunityId_PublishedAtUtc", table: "Announcements", columns: new[] { "CommunityId", "PublishedAtUtc" });

        migrationBuilder.CreateIndex(name: "IX_AspNetRoleClaims_RoleId", table: "AspNetRoleClaims", column: "RoleId");

        migrationBuilder.CreateIndex(name: "RoleNameIndex", table: "AspNetRoles", column: "NormalizedName", unique: true);

        migrationBuilder.CreateIndex(name: "IX_AspNetUserClaims_UserId", table: "AspNetUserClaims", column: "UserId");

        migrationBuilder.CreateIndex(name: "IX_AspNetUserLogins_UserId", table: "AspNetUserLogins", column: "UserId");

        migrationBuilder.CreateIndex(name: "IX_AspNetUserRoles_RoleId", table: "AspNetUserRoles", column: "RoleId");

        migrationBuilder.CreateIndex(name: "EmailIndex", table: "AspNetUsers", column: "NormalizedEmail");

        migrationBuilder.CreateIndex(name: "IX_AspNetUsers_PersonId", table: "AspNetUsers", column: "PersonId");

        migrationBuilder.CreateIndex(name: "UserNameIndex", table: "AspNetUsers", column: "NormalizedUserName", unique: true);

        migrationBuilder.CreateIndex(name: "IX_AuditEntries_AtUtc", table: "AuditEntries", column: "AtUtc");

        migrationBuilder.CreateIndex(name: "IX_AuditEntries_EntityType_EntityId", table: "AuditEntries", columns: new[] { "EntityType", "EntityId" });

        migrationBuilder.CreateIndex(name: "IX_Buildings_GridId_Name", table: "Buildings", columns: new[] { "GridId", "Name" }, unique: true);

        migrationBuilder.CreateIndex(name: "IX_Communities_StreetId_Name", table: "Communities", columns: new[] { "StreetId", "Name" }, unique: true);

        migrationBuilder.CreateIndex(name: "IX_Grids_CommunityId_Name", table: "Grids", columns: new[] { "CommunityId", "Name" }, unique: true);

        migrationBuilder.CreateIndex(name: "IX_HouseholdOwnerships_HouseholdId_OwnerId", table: "HouseholdOwnerships", columns: new[] { "HouseholdId", "OwnerId" }, unique: true);

        migrationBuilder.CreateIndex(name: "IX_HouseholdOwnerships_OwnerId", table: "HouseholdOwnerships", column: "OwnerId");

        migrationBuilder.CreateIndex(name: "IX_Households_BuildingId_Entrance_DoorNumber", table: "Households", columns: new[] { "BuildingId", "Entrance", "DoorNumber" }, unique: true);

        migrationBuilder.CreateIndex(name: "IX_LiveEvents_Topic_Sequence", table: "LiveEvents", columns: new[] { "Topic", "Sequence" }, unique: true);

        migrationBuilder.CreateIndex(name: "IX_Owners_CommunityId_Name", table: "Owners", columns: new[] { "CommunityId", "Name" });

        migrationBuilder.CreateIndex(name: "IX_Owners_PersonId", table: "Owners", column: "PersonId");

        migrationBuilder.CreateIndex(name: "IX_PartyOrganizations_CommunityId", table: "PartyOrganizations", column: "CommunityId");

        migrationBuilder.CreateIndex(name: "IX_PartyOrganizations_Name", table: "PartyOrganizations", column: "Name");

        migrationBuilder.CreateIndex(name: "IX_PartyOrganizations_ParentId", table: "PartyOrganizations", column: "ParentId");

        migrationBuilder.CreateIndex(name: "IX_People_GridId", table: "People", column: "GridId");

        migrationBuilder.CreateIndex(name: "IX_People_HomePartyOrganizationId", table: "People", column: "HomePartyOrganizationId");

        migrationBuilder.CreateIndex(name: "IX_People_HomeUnitId", table: "People", column: "HomeUnitId");

        migrationBuilder.CreateIndex(name: "IX_People_HouseholdId", table: "People", column: "HouseholdId");

        migrationBuilder.CreateIndex(name: "IX_People_Name", table: "People", column: "Name");

        migrationBuilder.CreateIndex(name: "IX_People_ResidenceCommunityId", table: "People", column: "ResidenceCommunityId");

        migrationBuilder.CreateIndex(name: "IX_RoleAssignments_UserId_Role_Scope_ScopeId", table: "RoleAssignments", columns: new[] { "UserId", "Role", "Scope", "ScopeId" }, unique: true);

        migrationBuilder.CreateIndex(name: "IX_Streets_Name", table: "Streets", column: "Name", unique: true);

        migrationBuilder.CreateIndex(name: "IX_Units_CommunityId", table: "Units", column: "CommunityId");

        migrationBuilder.CreateIndex(name: "IX_Units_LeaderPersonId", table: "Units", column: "LeaderPersonId");

        migrationBuilder.CreateIndex(name: "IX_Units_LiaisonPersonId", table: "Units", column: "LiaisonPersonId");

        migrationBuilder.CreateIndex(name: "IX_Units_PartyOrganizationId", table: "Units", column: "PartyOrganizationId");

        migrationBuilder.CreateIndex(name: "IX_Units_StreetId_Name", table: "Units", columns: new[] { "StreetId", "Name" }, unique: true);

        migrationBuilder.AddForeignKey(name: "FK_AnnouncementReads_AspNetUsers_UserId", table: "AnnouncementReads", column: "UserId", principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Cascade);

        migrationBuilder.AddForeignKey(name: "FK_AspNetUserClaims_AspNetUsers_UserId", table: "AspNetUserClaims", column: "UserId", principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Cascade);

        migrationBuilder.AddForeignKey(name: "FK_AspNetUserLogins_AspNetUsers_UserId", table: "AspNetUserLogins", column: "UserId", principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Cascade);

        migrationBuilder.AddForeignKey(name: "FK_AspNetUserRoles_AspNetUsers_UserId", table: "AspNetUserRoles", column: "UserId", principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Cascade);

        migrationBuilder.AddForeignKey(name: "FK_AspNetUsers_People_PersonId", table: "AspNetUsers", column: "PersonId", principalTable: "People", principalColumn: "Id", onDelete: ReferentialAction.SetNull);

        migrationBuilder.AddForeignKey(name: "FK_HouseholdOwnerships_Owners_OwnerId", table: "HouseholdOwnerships", column: "OwnerId", principalTable: "Owners", principalColumn: "Id", onDelete: ReferentialAction.Cascade);

        migrationBuilder.AddForeignKey(name: "FK_Owners_People_PersonId", table: "Owners", column: "PersonId", principalTable: "People", principalColumn: "Id", onDelete: ReferentialAction.SetNull);

        migrationBuilder.AddForeignKey(name: "FK_People_Units_HomeUnitId", table: "People", column: "HomeUnitId", principalTable: "Units", principalColumn: "Id", onDelete: ReferentialAction.SetNull);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropForeignKey(name: "FK_People_Units_HomeUnitId", table: "People");
        migrationBuilder.DropForeignKey(name: "FK_Owners_People_PersonId", table: "Owners");
        migrationBuilder.DropForeignKey(name: "FK_HouseholdOwnerships_Owners_OwnerId", table: "HouseholdOwnerships");
        migrationBuilder.DropForeignKey(name: "FK_AspNetUsers_People_PersonId", table: "AspNetUsers");
        migrationBuilder.DropForeignKey(name: "FK_AspNetUserRoles_AspNetUsers_UserId", table: "AspNetUserRoles");
        migrationBuilder.DropForeignKey(name: "FK_AspNetUserLogins_AspNetUsers_UserId", table: "AspNetUserLogins");
        migrationBuilder.DropForeignKey(name: "FK_AspNetUserClaims_AspNetUsers_UserId", table: "AspNetUserClaims");
        migrationBuilder.DropForeignKey(name: "FK_AnnouncementReads_AspNetUsers_UserId", table: "AnnouncementReads");
        migrationBuilder.DropTable(name: "Units");
        migrationBuilder.DropTable(name: "People");
        migrationBuilder.DropTable(name: "Owners");
        migrationBuilder.DropTable(name: "HouseholdOwnerships");
        migrationBuilder.DropTable(name: "RoleAssignments");
        migrationBuilder.DropTable(name: "AspNetUserTokens");
        migrationBuilder.DropTable(name: "AspNetUsers");
        migrationBuilder.DropTable(name: "AspNetUserRoles");
        migrationBuilder.DropTable(name: "AspNetUserLogins");
        migrationBuilder.DropTable(name: "AspNetUserClaims");
        migrationBuilder.DropTable(name: "AnnouncementReads");
        migrationBuilder.DropTable(name: "Households");
        migrationBuilder.DropTable(name: "Buildings");
        migrationBuilder.DropTable(name: "PartyOrganizations");
        migrationBuilder.DropTable(name: "Grids");
        migrationBuilder.DropTable(name: "Announcements");
        migrationBuilder.DropTable(name: "Communities");
        migrationBuilder.DropTable(name: "AspNetRoleClaims");
        migrationBuilder.DropTable(name: "Streets");
        migrationBuilder.DropTable(name: "LiveEvents");
        migrationBuilder.DropTable(name: "AuditEntries");
        migrationBuilder.DropTable(name: "AspNetRoles");
    }
}
