using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Portal.Web.Data.Migrations;

/// <summary>
/// Issue 13 item 4 (decision 0035): deliberation meetings of a session (details, the speaking rules, status, and the
/// speaking order as three JSON columns) and their sign-in sheets (one line per person and meeting; lines copied from
/// paper carry no person). New tables only, each foreign key in its CREATE TABLE so SQLite rebuilds nothing. Drafted with
/// tools/Portal.MigrationDraft, reviewed by hand.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261207140000_DeliberationMeetings")]
public sealed class DeliberationMeetings : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DeliberationMeetings",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                SessionId = table.Column<int>(nullable: false),
                CommunityId = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 100, nullable: false),
                Location = table.Column<string>(maxLength: 100, nullable: true),
                StartsAtUtc = table.Column<DateTime>(nullable: false),
                ExpectedCount = table.Column<int>(nullable: false),
                SpeechLimitSeconds = table.Column<int>(nullable: false),
                MaxSpeechesPerMotion = table.Column<int>(nullable: false),
                Status = table.Column<int>(nullable: false),
                OpenedAtUtc = table.Column<DateTime>(nullable: true),
                ClosedAtUtc = table.Column<DateTime>(nullable: true),
                CreatedByUserId = table.Column<string>(maxLength: 450, nullable: false),
                Motions = table.Column<string>(nullable: false),
                Requests = table.Column<string>(nullable: false),
                Speeches = table.Column<string>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DeliberationMeetings", x => x.Id);
                table.ForeignKey(
                    name: "FK_DeliberationMeetings_DeliberationSessions_SessionId",
                    column: x => x.SessionId,
                    principalTable: "DeliberationSessions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "MeetingSignIns",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                MeetingId = table.Column<int>(nullable: false),
                PersonId = table.Column<int>(nullable: true),
                Name = table.Column<string>(maxLength: 50, nullable: false),
                Way = table.Column<int>(nullable: false),
                AtUtc = table.Column<DateTime>(nullable: false),
                ByUserId = table.Column<string>(maxLength: 450, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MeetingSignIns", x => x.Id);
                table.ForeignKey(
                    name: "FK_MeetingSignIns_DeliberationMeetings_MeetingId",
                    column: x => x.MeetingId,
                    principalTable: "DeliberationMeetings",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_DeliberationMeetings_SessionId_StartsAtUtc", table: "DeliberationMeetings", columns: new[] { "SessionId", "StartsAtUtc" });

        migrationBuilder.CreateIndex(name: "IX_MeetingSignIns_MeetingId_PersonId", table: "MeetingSignIns", columns: new[] { "MeetingId", "PersonId" }, unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "MeetingSignIns");
        migrationBuilder.DropTable(name: "DeliberationMeetings");
    }
}
