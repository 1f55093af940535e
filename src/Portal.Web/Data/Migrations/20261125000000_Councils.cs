using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Portal.Web.Data.Migrations;

/// <summary>
/// Joint Party-building councils (issue 4): councils and their members' seats, meetings with agenda items, the agenda's
/// change log, attendance, resolutions with co-owner units, proposed topics, yearly scoring rule sets and carry-overs.
/// New tables only, so it runs on SQLite without table rebuilds; foreign keys between the new tables that point forward
/// are added after the tables (SQLite folds them into CREATE TABLE). Drafted with tools/Portal.MigrationDraft, reviewed
/// by hand; provider-neutral like the others.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261125000000_Councils")]
public sealed class Councils : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AgendaChanges",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                MeetingId = table.Column<int>(nullable: false),
                Revision = table.Column<int>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                ItemNumber = table.Column<int>(nullable: false),
                Touches = table.Column<string>(maxLength: 1000, nullable: false),
                ActorName = table.Column<string>(maxLength: 50, nullable: false),
                AtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AgendaChanges", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AgendaItems",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                MeetingId = table.Column<int>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 100, nullable: false),
                TopicId = table.Column<int>(nullable: true),
                TimeBoxMinutes = table.Column<int>(nullable: false),
                IsUrgent = table.Column<bool>(nullable: false),
                ActualStartUtc = table.Column<DateTime>(nullable: true),
                ActualEndUtc = table.Column<DateTime>(nullable: true),
                TimerStartedAtUtc = table.Column<DateTime>(nullable: true),
                TimerElapsed = table.Column<TimeSpan>(nullable: false),
                Outcome = table.Column<string>(maxLength: 4000, nullable: true),
                Notes = table.Column<string>(maxLength: 4000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AgendaItems", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Attendances",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                MeetingId = table.Column<int>(nullable: false),
                PersonId = table.Column<int>(nullable: false),
                UnitId = table.Column<int>(nullable: true),
                IsExpected = table.Column<bool>(nullable: false),
                CheckedInAtUtc = table.Column<DateTime>(nullable: true),
                Way = table.Column<int>(nullable: true),
                MarkedByUserId = table.Column<string>(maxLength: 450, nullable: true),
                LeaveReason = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Attendances", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "CarryOvers",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CouncilId = table.Column<int>(nullable: false),
                WorkItemId = table.Column<int>(nullable: false),
                FromYear = table.Column<int>(nullable: false),
                Reason = table.Column<string>(maxLength: 500, nullable: false),
                DecidedByUserId = table.Column<string>(maxLength: 450, nullable: true),
                DecidedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CarryOvers", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "CouncilMembers",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CouncilId = table.Column<int>(nullable: false),
                UnitId = table.Column<int>(nullable: true),
                PersonId = table.Column<int>(nullable: true),
                LiaisonPersonId = table.Column<int>(nullable: true),
                Role = table.Column<int>(nullable: false),
                IsPartTime = table.Column<bool>(nullable: false),
                TermFrom = table.Column<DateOnly>(nullable: false),
                TermTo = table.Column<DateOnly>(nullable: true),
                RotationOrder = table.Column<int>(nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CouncilMembers", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Councils",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Level = table.Column<int>(nullable: false),
                StreetId = table.Column<int>(nullable: false),
                CommunityId = table.Column<int>(nullable: true),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Frequency = table.Column<int>(nullable: false),
                TopicDeadlineDays = table.Column<int>(nullable: false),
                ChairArrangement = table.Column<int>(nullable: false),
                LeadUnitId = table.Column<int>(nullable: true),
                RotationStartYear = table.Column<int>(nullable: true),
                DefaultLocation = table.Column<string>(maxLength: 100, nullable: true),
                CalendarFirstMonth = table.Column<int>(nullable: false),
                CalendarWeekOfMonth = table.Column<int>(nullable: false),
                CalendarDay = table.Column<int>(nullable: false),
                CalendarStartTime = table.Column<TimeOnly>(nullable: false),
                MeetingDurationMinutes = table.Column<int>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Councils", x => x.Id);
                table.ForeignKey(
                    name: "FK_Councils_Communities_CommunityId",
                    column: x => x.CommunityId,
                    principalTable: "Communities",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Councils_Streets_StreetId",
                    column: x => x.StreetId,
                    principalTable: "Streets",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "CouncilScoringRuleSets",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CouncilId = table.Column<int>(nullable: false),
                Year = table.Column<int>(nullable: false),
                AttendanceMaxPoints = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                PointsPerActivity = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                ActivityCapPerQuarter = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                PointsPerAdoptedTopic = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                AdoptedTopicCap = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CouncilScoringRuleSets", x => x.Id);
                table.ForeignKey(
                    name: "FK_CouncilScoringRuleSets_Councils_CouncilId",
                    column: x => x.CouncilId,
                    principalTable: "Councils",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Meetings",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CouncilId = table.Column<int>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                Status = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 100, nullable: false),
                StartsAtUtc = table.Column<DateTime>(nullable: false),
                EndsAtUtc = table.Column<DateTime>(nullable: false),
                Location = table.Column<string>(maxLength: 100, nullable: true),
                PeriodKey = table.Column<string>(maxLength: 7, nullable: true),
                RequestedByUnitId = table.Column<int>(nullable: true),
                ProposedStartsAtUtc = table.Column<DateTime>(nullable: true),
                RequestedAtUtc = table.Column<DateTime>(nullable: true),
                DecisionReason = table.Column<string>(maxLength: 500, nullable: true),
                ChairPersonId = table.Column<int>(nullable: true),
                RecorderPersonId = table.Column<int>(nullable: true),
                StartedAtUtc = table.Column<DateTime>(nullable: true),
                EndedAtUtc = table.Column<DateTime>(nullable: true),
                AgendaRevision = table.Column<int>(nullable: false),
                CurrentAgendaItemNumber = table.Column<int>(nullable: true),
                AgendaNextNumber = table.Column<int>(nullable: false),
                DisplayTokenHash = table.Column<string>(maxLength: 64, nullable: true),
                MinutesMarkdown = table.Column<string>(nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Meetings", x => x.Id);
                table.ForeignKey(
                    name: "FK_Meetings_Councils_CouncilId",
                    column: x => x.CouncilId,
                    principalTable: "Councils",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Resolutions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                MeetingId = table.Column<int>(nullable: false),
                AgendaItemNumber = table.Column<int>(nullable: true),
                Decision = table.Column<string>(maxLength: 1000, nullable: false),
                OwnerUnitId = table.Column<int>(nullable: false),
                DueDate = table.Column<DateOnly>(nullable: false),
                ChaserPersonId = table.Column<int>(nullable: true),
                WorkItemId = table.Column<int>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Resolutions", x => x.Id);
                table.ForeignKey(
                    name: "FK_Resolutions_Meetings_MeetingId",
                    column: x => x.MeetingId,
                    principalTable: "Meetings",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_Resolutions_People_ChaserPersonId",
                    column: x => x.ChaserPersonId,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
                table.ForeignKey(
                    name: "FK_Resolutions_Units_OwnerUnitId",
                    column: x => x.OwnerUnitId,
                    principalTable: "Units",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Resolutions_WorkItems_WorkItemId",
                    column: x => x.WorkItemId,
                    principalTable: "WorkItems",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "Topics",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                MeetingId = table.Column<int>(nullable: false),
                ProposerUnitId = table.Column<int>(nullable: false),
                ProposedByUserId = table.Column<string>(maxLength: 450, nullable: true),
                Title = table.Column<string>(maxLength: 100, nullable: false),
                DescriptionMarkdown = table.Column<string>(maxLength: 4000, nullable: false),
                WorkItemId = table.Column<int>(nullable: true),
                ProposedMinutes = table.Column<int>(nullable: false),
                SubmittedAtUtc = table.Column<DateTime>(nullable: false),
                Status = table.Column<int>(nullable: false),
                MergedIntoTopicId = table.Column<int>(nullable: true),
                ScreeningReason = table.Column<string>(maxLength: 500, nullable: true),
                ScreenedAtUtc = table.Column<DateTime>(nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Topics", x => x.Id);
                table.ForeignKey(
                    name: "FK_Topics_Meetings_MeetingId",
                    column: x => x.MeetingId,
                    principalTable: "Meetings",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_Topics_Topics_MergedIntoTopicId",
                    column: x => x.MergedIntoTopicId,
                    principalTable: "Topics",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Topics_Units_ProposerUnitId",
                    column: x => x.ProposerUnitId,
                    principalTable: "Units",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Topics_WorkItems_WorkItemId",
                    column: x => x.WorkItemId,
                    principalTable: "WorkItems",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "ResolutionCoOwners",
            columns: table => new
            {
                ResolutionId = table.Column<int>(nullable: false),
                UnitId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ResolutionCoOwners", x => new { x.ResolutionId, x.UnitId });
                table.ForeignKey(
                    name: "FK_ResolutionCoOwners_Resolutions_ResolutionId",
                    column: x => x.ResolutionId,
                    principalTable: "Resolutions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_ResolutionCoOwners_Units_UnitId",
                    column: x => x.UnitId,
                    principalTable: "Units",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_AgendaChanges_MeetingId_Revision", table: "AgendaChanges", columns: new[] { "MeetingId", "Revision" }, unique: true);

        migrationBuilder.CreateIndex(name: "IX_AgendaItems_MeetingId_Number", table: "AgendaItems", columns: new[] { "MeetingId", "Number" }, unique: true);

        migrationBuilder.CreateIndex(name: "IX_AgendaItems_TopicId", table: "AgendaItems", column: "TopicId");

        migrationBuilder.CreateIndex(name: "IX_Attendances_MeetingId_PersonId", table: "Attendances", columns: new[] { "MeetingId", "PersonId" }, unique: true);

        migrationBuilder.CreateIndex(name: "IX_Attendances_PersonId", table: "Attendances", column: "PersonId");

        migrationBuilder.CreateIndex(name: "IX_Attendances_UnitId", table: "Attendances", column: "UnitId");

        migrationBuilder.CreateIndex(name: "IX_CarryOvers_CouncilId_FromYear", table: "CarryOvers", columns: new[] { "CouncilId", "FromYear" });

        migrationBuilder.CreateIndex(name: "IX_CarryOvers_WorkItemId", table: "CarryOvers", column: "WorkItemId");

        migrationBuilder.CreateIndex(name: "IX_CouncilMembers_CouncilId_Role", table: "CouncilMembers", columns: new[] { "CouncilId", "Role" });

        migrationBuilder.CreateIndex(name: "IX_CouncilMembers_LiaisonPersonId", table: "CouncilMembers", column: "LiaisonPersonId");

        migrationBuilder.CreateIndex(name: "IX_CouncilMembers_PersonId", table: "CouncilMembers", column: "PersonId");

        migrationBuilder.CreateIndex(name: "IX_CouncilMembers_UnitId", table: "CouncilMembers", column: "UnitId");

        migrationBuilder.CreateIndex(name: "IX_Councils_CommunityId", table: "Councils", column: "CommunityId");

        migrationBuilder.CreateIndex(name: "IX_Councils_LeadUnitId", table: "Councils", column: "LeadUnitId");

        migrationBuilder.CreateIndex(name: "IX_Councils_StreetId_Level", table: "Councils", columns: new[] { "StreetId", "Level" });

        migrationBuilder.CreateIndex(name: "IX_CouncilScoringRuleSets_CouncilId_Year", table: "CouncilScoringRuleSets", columns: new[] { "CouncilId", "Year" });

        migrationBuilder.CreateIndex(name: "IX_Meetings_ChairPersonId", table: "Meetings", column: "ChairPersonId");

        migrationBuilder.CreateIndex(name: "IX_Meetings_CouncilId_PeriodKey", table: "Meetings", columns: new[] { "CouncilId", "PeriodKey" }, unique: true);

        migrationBuilder.CreateIndex(name: "IX_Meetings_CouncilId_StartsAtUtc", table: "Meetings", columns: new[] { "CouncilId", "StartsAtUtc" });

        migrationBuilder.CreateIndex(name: "IX_Meetings_DisplayTokenHash", table: "Meetings", column: "DisplayTokenHash", unique: true);

        migrationBuilder.CreateIndex(name: "IX_Meetings_RecorderPersonId", table: "Meetings", column: "RecorderPersonId");

        migrationBuilder.CreateIndex(name: "IX_Meetings_RequestedByUnitId", table: "Meetings", column: "RequestedByUnitId");

        migrationBuilder.CreateIndex(name: "IX_ResolutionCoOwners_UnitId", table: "ResolutionCoOwners", column: "UnitId");

        migrationBuilder.CreateIndex(name: "IX_Resolutions_ChaserPersonId", table: "Resolutions", column: "ChaserPersonId");

        migrationBuilder.CreateIndex(name: "IX_Resolutions_MeetingId", table: "Resolutions", column: "MeetingId");

        migrationBuilder.CreateIndex(name: "IX_Resolutions_OwnerUnitId", table: "Resolutions", column: "OwnerUnitId");

        migrationBuilder.CreateIndex(name: "IX_Resolutions_WorkItemId", table: "Resolutions", column: "WorkItemId");

        migrationBuilder.CreateIndex(name: "IX_Topics_MeetingId_Status", table: "Topics", columns: new[] { "MeetingId", "Status" });

        migrationBuilder.CreateIndex(name: "IX_Topics_MergedIntoTopicId", table: "Topics", column: "MergedIntoTopicId");

        migrationBuilder.CreateIndex(name: "IX_Topics_ProposerUnitId", table: "Topics", column: "ProposerUnitId");

        migrationBuilder.CreateIndex(name: "IX_Topics_WorkItemId", table: "Topics", column: "WorkItemId");

        migrationBuilder.AddForeignKey(name: "FK_AgendaChanges_Meetings_MeetingId", table: "AgendaChanges", column: "MeetingId", principalTable: "Meetings", principalColumn: "Id", onDelete: ReferentialAction.Cascade);

        migrationBuilder.AddForeignKey(name: "FK_AgendaItems_Meetings_MeetingId", table: "AgendaItems", column: "MeetingId", principalTable: "Meetings", principalColumn: "Id", onDelete: ReferentialAction.Cascade);

        migrationBuilder.AddForeignKey(name: "FK_AgendaItems_Topics_TopicId", table: "AgendaItems", column: "TopicId", principalTable: "Topics", principalColumn: "Id", onDelete: ReferentialAction.SetNull);

        migrationBuilder.AddForeignKey(name: "FK_Attendances_Meetings_MeetingId", table: "Attendances", column: "MeetingId", principalTable: "Meetings", principalColumn: "Id", onDelete: ReferentialAction.Cascade);

        migrationBuilder.AddForeignKey(name: "FK_Attendances_People_PersonId", table: "Attendances", column: "PersonId", principalTable: "People", principalColumn: "Id", onDelete: ReferentialAction.Restrict);

        migrationBuilder.AddForeignKey(name: "FK_Attendances_Units_UnitId", table: "Attendances", column: "UnitId", principalTable: "Units", principalColumn: "Id", onDelete: ReferentialAction.SetNull);

        migrationBuilder.AddForeignKey(name: "FK_CarryOvers_Councils_CouncilId", table: "CarryOvers", column: "CouncilId", principalTable: "Councils", principalColumn: "Id", onDelete: ReferentialAction.Cascade);

        migrationBuilder.AddForeignKey(name: "FK_CarryOvers_WorkItems_WorkItemId", table: "CarryOvers", column: "WorkItemId", principalTable: "WorkItems", principalColumn: "Id", onDelete: ReferentialAction.Cascade);

        migrationBuilder.AddForeignKey(name: "FK_CouncilMembers_Councils_CouncilId", table: "CouncilMembers", column: "CouncilId", principalTable: "Councils", principalColumn: "Id", onDelete: ReferentialAction.Cascade);

        migrationBuilder.AddForeignKey(name: "FK_CouncilMembers_People_LiaisonPersonId", table: "CouncilMembers", column: "LiaisonPersonId", principalTable: "People", principalColumn: "Id", onDelete: ReferentialAction.SetNull);

        migrationBuilder.AddForeignKey(name: "FK_CouncilMembers_People_PersonId", table: "CouncilMembers", column: "PersonId", principalTable: "People", principalColumn: "Id", onDelete: ReferentialAction.SetNull);

        migrationBuilder.AddForeignKey(name: "FK_CouncilMembers_Units_UnitId", table: "CouncilMembers", column: "UnitId", principalTable: "Units", principalColumn: "Id", onDelete: ReferentialAction.Restrict);

        migrationBuilder.AddForeignKey(name: "FK_Councils_Units_LeadUnitId", table: "Councils", column: "LeadUnitId", principalTable: "Units", principalColumn: "Id", onDelete: ReferentialAction.SetNull);

        migrationBuilder.AddForeignKey(name: "FK_Meetings_People_ChairPersonId", table: "Meetings", column: "ChairPersonId", principalTable: "People", principalColumn: "Id", onDelete: ReferentialAction.SetNull);

        migrationBuilder.AddForeignKey(name: "FK_Meetings_People_RecorderPersonId", table: "Meetings", column: "RecorderPersonId", principalTable: "People", principalColumn: "Id", onDelete: ReferentialAction.SetNull);

        migrationBuilder.AddForeignKey(name: "FK_Meetings_Units_RequestedByUnitId", table: "Meetings", column: "RequestedByUnitId", principalTable: "Units", principalColumn: "Id", onDelete: ReferentialAction.SetNull);

    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "AgendaChanges");
        migrationBuilder.DropTable(name: "AgendaItems");
        migrationBuilder.DropTable(name: "Attendances");
        migrationBuilder.DropTable(name: "ResolutionCoOwners");
        migrationBuilder.DropTable(name: "Resolutions");
        migrationBuilder.DropTable(name: "Topics");
        migrationBuilder.DropTable(name: "Meetings");
        migrationBuilder.DropTable(name: "CarryOvers");
        migrationBuilder.DropTable(name: "CouncilScoringRuleSets");
        migrationBuilder.DropTable(name: "CouncilMembers");
        migrationBuilder.DropTable(name: "Councils");
    }
}
