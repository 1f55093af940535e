using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Portal.Web.Data.Migrations;

/// <summary>
/// Issue 13 round 4: residents' ratings of a session's result (群众评事). RatingRounds: the round of a session step,
/// one per step (unique), its window and the counts frozen at closing; SessionRatings: one rating per person per round (unique), with the
/// level and an optional comment. Both kept from deletion while pointed at (Restrict). Written by hand (decision 0003).
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261207150000_Ratings")]
public sealed class Ratings : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "RatingRounds",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                SessionId = table.Column<int>(nullable: false),
                StepIndex = table.Column<int>(nullable: false),
                OpenedAtUtc = table.Column<DateTime>(nullable: false),
                OpenedByUserId = table.Column<string>(maxLength: 450, nullable: false),
                PeriodDays = table.Column<int>(nullable: false),
                ClosedAtUtc = table.Column<DateTime>(nullable: true),
                ClosedByUserId = table.Column<string>(maxLength: 450, nullable: true),
                SatisfiedCount = table.Column<int>(nullable: true),
                BasicallySatisfiedCount = table.Column<int>(nullable: true),
                DissatisfiedCount = table.Column<int>(nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RatingRounds", x => x.Id);
                table.ForeignKey(
                    name: "FK_RatingRounds_DeliberationSessions_SessionId",
                    column: x => x.SessionId,
                    principalTable: "DeliberationSessions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "SessionRatings",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                RoundId = table.Column<int>(nullable: false),
                PersonId = table.Column<int>(nullable: false),
                RatedByUserId = table.Column<string>(maxLength: 450, nullable: false),
                Level = table.Column<int>(nullable: false),
                Comment = table.Column<string>(maxLength: 500, nullable: true),
                RatedAtUtc = table.Column<DateTime>(nullable: false),
                ChangedAtUtc = table.Column<DateTime>(nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SessionRatings", x => x.Id);
                table.ForeignKey(
                    name: "FK_SessionRatings_RatingRounds_RoundId",
                    column: x => x.RoundId,
                    principalTable: "RatingRounds",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_RatingRounds_SessionId_StepIndex", table: "RatingRounds", columns: new[] { "SessionId", "StepIndex" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_SessionRatings_RoundId_PersonId", table: "SessionRatings", columns: new[] { "RoundId", "PersonId" }, unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "SessionRatings");
        migrationBuilder.DropTable(name: "RatingRounds");
    }
}
