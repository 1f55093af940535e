using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Portal.Web.Data.Migrations;

/// <summary>
/// Tracked work (issue 3): work items of every kind with their history, evidence, milestones and co-owners; the
/// resources list; versioned deadline rule sets per community; in-app notifications. Drafted with
/// tools/Portal.MigrationDraft, reviewed by hand; provider-neutral like the initial migration.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261123120000_WorkItems")]
public sealed class WorkItems : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DeadlineRuleSets",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CommunityId = table.Column<int>(nullable: false),
                VersionNumber = table.Column<int>(nullable: false),
                EmergencyMinutes = table.Column<int>(nullable: false),
                UtilitiesMinutes = table.Column<int>(nullable: false),
                GeneralMinutes = table.Column<int>(nullable: false),
                ComplexMinutes = table.Column<int>(nullable: false),
                DueSoonShare = table.Column<decimal>(precision: 4, scale: 3, nullable: false),
                EscalationGraceMinutes = table.Column<int>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                CreatedByName = table.Column<string>(maxLength: 50, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DeadlineRuleSets", x => x.Id);
                table.ForeignKey(
                    name: "FK_DeadlineRuleSets_Communities_CommunityId",
                    column: x => x.CommunityId,
                    principalTable: "Communities",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Attachments",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                WorkItemEventId = table.Column<int>(nullable: false),
                FileName = table.Column<string>(maxLength: 120, nullable: false),
                ContentType = table.Column<string>(maxLength: 100, nullable: false),
                SizeBytes = table.Column<long>(nullable: false),
                StoredName = table.Column<string>(maxLength: 64, nullable: false),
                UploadedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Attachments", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Milestones",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                WorkItemId = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 100, nullable: false),
                Weight = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                PercentDone = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                DueDate = table.Column<DateOnly>(nullable: true),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Milestones", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Notifications",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                MessageKey = table.Column<string>(maxLength: 100, nullable: false),
                MessageArgument = table.Column<string>(maxLength: 300, nullable: true),
                WorkItemId = table.Column<int>(nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                ReadAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Notifications", x => x.Id);
                table.ForeignKey(
                    name: "FK_Notifications_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Resources",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UnitId = table.Column<int>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 100, nullable: false),
                Description = table.Column<string>(maxLength: 2000, nullable: false),
                Categories = table.Column<string>(maxLength: 400, nullable: false),
                Capacity = table.Column<int>(nullable: false),
                CommittedCapacity = table.Column<int>(nullable: false),
                CapacityUnit = table.Column<string>(maxLength: 20, nullable: false),
                AvailableFrom = table.Column<DateOnly>(nullable: true),
                AvailableUntil = table.Column<DateOnly>(nullable: true),
                IsActive = table.Column<bool>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Resources", x => x.Id);
                table.ForeignKey(
                    name: "FK_Resources_Units_UnitId",
                    column: x => x.UnitId,
                    principalTable: "Units",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "WorkItems",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Kind = table.Column<int>(nullable: false),
                Status = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 100, nullable: false),
                DescriptionMarkdown = table.Column<string>(maxLength: 8000, nullable: false),
                Category = table.Column<string>(maxLength: 40, nullable: false),
                Urgency = table.Column<int>(nullable: false),
                CommunityId = table.Column<int>(nullable: false),
                GridId = table.Column<int>(nullable: true),
                Address = table.Column<string>(maxLength: 200, nullable: true),
                Channel = table.Column<int>(nullable: false),
                RaisedByUserId = table.Column<string>(maxLength: 450, nullable: true),
                RaisedByName = table.Column<string>(maxLength: 50, nullable: false),
                RequesterUserId = table.Column<string>(maxLength: 450, nullable: true),
                RaisedAtUtc = table.Column<DateTime>(nullable: false),
                IsShared = table.Column<bool>(nullable: true),
                IsPublic = table.Column<bool>(nullable: false),
                OwnerUnitId = table.Column<int>(nullable: true),
                OwnerPersonId = table.Column<int>(nullable: true),
                DispatchedAtUtc = table.Column<DateTime>(nullable: true),
                DueAtUtc = table.Column<DateTime>(nullable: true),
                DeadlineRuleSetId = table.Column<int>(nullable: true),
                AcceptedAtUtc = table.Column<DateTime>(nullable: true),
                WasClaimed = table.Column<bool>(nullable: false),
                ReportedAtUtc = table.Column<DateTime>(nullable: true),
                Rating = table.Column<int>(nullable: true),
                RatedAtUtc = table.Column<DateTime>(nullable: true),
                ClosedAtUtc = table.Column<DateTime>(nullable: true),
                ReopenCount = table.Column<int>(nullable: false),
                RemindedAtUtc = table.Column<DateTime>(nullable: true),
                EscalatedAtUtc = table.Column<DateTime>(nullable: true),
                ProjectId = table.Column<int>(nullable: true),
                BudgetYuan = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                ProgressPercent = table.Column<int>(nullable: false),
                CommitmentYear = table.Column<int>(nullable: true),
                MemberScore = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                ResidentScore = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                OrganizationScore = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WorkItems", x => x.Id);
                table.ForeignKey(
                    name: "FK_WorkItems_Communities_CommunityId",
                    column: x => x.CommunityId,
                    principalTable: "Communities",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_WorkItems_DeadlineRuleSets_DeadlineRuleSetId",
                    column: x => x.DeadlineRuleSetId,
                    principalTable: "DeadlineRuleSets",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_WorkItems_Grids_GridId",
                    column: x => x.GridId,
                    principalTable: "Grids",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
                table.ForeignKey(
                    name: "FK_WorkItems_People_OwnerPersonId",
                    column: x => x.OwnerPersonId,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
                table.ForeignKey(
                    name: "FK_WorkItems_Units_OwnerUnitId",
                    column: x => x.OwnerUnitId,
                    principalTable: "Units",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
                table.ForeignKey(
                    name: "FK_WorkItems_WorkItems_ProjectId",
                    column: x => x.ProjectId,
                    principalTable: "WorkItems",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "ProjectResources",
            columns: table => new
            {
                ProjectId = table.Column<int>(nullable: false),
                ResourceId = table.Column<int>(nullable: false),
                Quantity = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProjectResources", x => new { x.ProjectId, x.ResourceId });
                table.ForeignKey(
                    name: "FK_ProjectResources_Resources_ResourceId",
                    column: x => x.ResourceId,
                    principalTable: "Resources",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_ProjectResources_WorkItems_ProjectId",
                    column: x => x.ProjectId,
                    principalTable: "WorkItems",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "WorkItemCoOwners",
            columns: table => new
            {
                WorkItemId = table.Column<int>(nullable: false),
                UnitId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WorkItemCoOwners", x => new { x.WorkItemId, x.UnitId });
                table.ForeignKey(
                    name: "FK_WorkItemCoOwners_Units_UnitId",
                    column: x => x.UnitId,
                    principalTable: "Units",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_WorkItemCoOwners_WorkItems_WorkItemId",
                    column: x => x.WorkItemId,
                    principalTable: "WorkItems",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "WorkItemEvents",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                WorkItemId = table.Column<int>(nullable: false),
                Action = table.Column<int>(nullable: false),
                FromStatus = table.Column<int>(nullable: false),
                ToStatus = table.Column<int>(nullable: false),
                ActorUserId = table.Column<string>(maxLength: 450, nullable: true),
                ActorName = table.Column<string>(maxLength: 50, nullable: false),
                AtUtc = table.Column<DateTime>(nullable: false),
                Note = table.Column<string>(maxLength: 4000, nullable: true),
                Rating = table.Column<int>(nullable: true),
                IsAutomatic = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WorkItemEvents", x => x.Id);
                table.ForeignKey(
                    name: "FK_WorkItemEvents_WorkItems_WorkItemId",
                    column: x => x.WorkItemId,
                    principalTable: "WorkItems",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_Attachments_StoredName", table: "Attachments", column: "StoredName", unique: true);

        migrationBuilder.CreateIndex(name: "IX_Attachments_WorkItemEventId", table: "Attachments", column: "WorkItemEventId");

        migrationBuilder.CreateIndex(name: "IX_DeadlineRuleSets_CommunityId_VersionNumber", table: "DeadlineRuleSets", columns: new[] { "CommunityId", "VersionNumber" }, unique: true);

        migrationBuilder.CreateIndex(name: "IX_Milestones_WorkItemId_SortOrder", table: "Milestones", columns: new[] { "WorkItemId", "SortOrder" });

        migrationBuilder.CreateIndex(name: "IX_Notifications_UserId_ReadAtUtc", table: "Notifications", columns: new[] { "UserId", "ReadAtUtc" });

        migrationBuilder.CreateIndex(name: "IX_Notifications_WorkItemId", table: "Notifications", column: "WorkItemId");

        migrationBuilder.CreateIndex(name: "IX_ProjectResources_ResourceId", table: "ProjectResources", column: "ResourceId");

        migrationBuilder.CreateIndex(name: "IX_Resources_UnitId_IsActive", table: "Resources", columns: new[] { "UnitId", "IsActive" });

        migrationBuilder.CreateIndex(name: "IX_WorkItemCoOwners_UnitId", table: "WorkItemCoOwners", column: "UnitId");

        migrationBuilder.CreateIndex(name: "IX_WorkItemEvents_WorkItemId_AtUtc", table: "WorkItemEvents", columns: new[] { "WorkItemId", "AtUtc" });

        migrationBuilder.CreateIndex(name: "IX_WorkItems_CommunityId_Kind_Status", table: "WorkItems", columns: new[] { "CommunityId", "Kind", "Status" });

        migrationBuilder.CreateIndex(name: "IX_WorkItems_DeadlineRuleSetId", table: "WorkItems", column: "DeadlineRuleSetId");

        migrationBuilder.CreateIndex(name: "IX_WorkItems_GridId", table: "WorkItems", column: "GridId");

        migrationBuilder.CreateIndex(name: "IX_WorkItems_OwnerPersonId", table: "WorkItems", column: "OwnerPersonId");

        migrationBuilder.CreateIndex(name: "IX_WorkItems_OwnerUnitId_Status", table: "WorkItems", columns: new[] { "OwnerUnitId", "Status" });

        migrationBuilder.CreateIndex(name: "IX_WorkItems_ProjectId", table: "WorkItems", column: "ProjectId");

        migrationBuilder.CreateIndex(name: "IX_WorkItems_RequesterUserId", table: "WorkItems", column: "RequesterUserId");

        migrationBuilder.CreateIndex(name: "IX_WorkItems_Status_DueAtUtc", table: "WorkItems", columns: new[] { "Status", "DueAtUtc" });

        migrationBuilder.AddForeignKey(name: "FK_Attachments_WorkItemEvents_WorkItemEventId", table: "Attachments", column: "WorkItemEventId", principalTable: "WorkItemEvents", principalColumn: "Id", onDelete: ReferentialAction.Cascade);

        migrationBuilder.AddForeignKey(name: "FK_Milestones_WorkItems_WorkItemId", table: "Milestones", column: "WorkItemId", principalTable: "WorkItems", principalColumn: "Id", onDelete: ReferentialAction.Cascade);

        migrationBuilder.AddForeignKey(name: "FK_Notifications_WorkItems_WorkItemId", table: "Notifications", column: "WorkItemId", principalTable: "WorkItems", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropForeignKey(name: "FK_Notifications_WorkItems_WorkItemId", table: "Notifications");
        migrationBuilder.DropForeignKey(name: "FK_Milestones_WorkItems_WorkItemId", table: "Milestones");
        migrationBuilder.DropForeignKey(name: "FK_Attachments_WorkItemEvents_WorkItemEventId", table: "Attachments");
        migrationBuilder.DropTable(name: "WorkItemEvents");
        migrationBuilder.DropTable(name: "WorkItemCoOwners");
        migrationBuilder.DropTable(name: "ProjectResources");
        migrationBuilder.DropTable(name: "WorkItems");
        migrationBuilder.DropTable(name: "Resources");
        migrationBuilder.DropTable(name: "Notifications");
        migrationBuilder.DropTable(name: "Milestones");
        migrationBuilder.DropTable(name: "Attachments");
        migrationBuilder.DropTable(name: "DeadlineRuleSets");
    }
}
