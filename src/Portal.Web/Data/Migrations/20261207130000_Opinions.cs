using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Portal.Web.Data.Migrations;

/// <summary>
/// Issue 13 round 4, item 3 (decision 0034): the versions of a session's plan document (PlanVersions: numbered within the
/// session, unique), residents' opinions posted in a comment window (Opinions: hidden with a reason, never deleted;
/// optionally on a plan version) and their supports (OpinionSupports: one per person and opinion). New tables only.
/// Written by hand (decision 0026).
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261207130000_Opinions")]
public sealed class Opinions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PlanVersions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                SessionId = table.Column<int>(nullable: false),
                Number = table.Column<int>(nullable: false),
                BodyMarkdown = table.Column<string>(maxLength: 20000, nullable: false),
                ChangeSummary = table.Column<string>(maxLength: 200, nullable: false),
                AuthorUserId = table.Column<string>(maxLength: 450, nullable: false),
                AuthorName = table.Column<string>(maxLength: 256, nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PlanVersions", x => x.Id);
                table.ForeignKey(
                    name: "FK_PlanVersions_DeliberationSessions_SessionId",
                    column: x => x.SessionId,
                    principalTable: "DeliberationSessions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_PlanVersions_SessionId_Number", table: "PlanVersions", columns: new[] { "SessionId", "Number" }, unique: true);

        migrationBuilder.CreateTable(
            name: "Opinions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                SessionId = table.Column<int>(nullable: false),
                StepIndex = table.Column<int>(nullable: false),
                PlanVersionId = table.Column<int>(nullable: true),
                AuthorUserId = table.Column<string>(maxLength: 450, nullable: false),
                AuthorName = table.Column<string>(maxLength: 256, nullable: false),
                BodyMarkdown = table.Column<string>(maxLength: 2000, nullable: false),
                PostedAtUtc = table.Column<DateTime>(nullable: false),
                HiddenAtUtc = table.Column<DateTime>(nullable: true),
                HiddenByUserId = table.Column<string>(maxLength: 450, nullable: true),
                HiddenReason = table.Column<string>(maxLength: 500, nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Opinions", x => x.Id);
                table.ForeignKey(
                    name: "FK_Opinions_DeliberationSessions_SessionId",
                    column: x => x.SessionId,
                    principalTable: "DeliberationSessions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Opinions_PlanVersions_PlanVersionId",
                    column: x => x.PlanVersionId,
                    principalTable: "PlanVersions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_Opinions_SessionId_PostedAtUtc", table: "Opinions", columns: new[] { "SessionId", "PostedAtUtc" });
        migrationBuilder.CreateIndex(name: "IX_Opinions_PlanVersionId", table: "Opinions", column: "PlanVersionId");

        migrationBuilder.CreateTable(
            name: "OpinionSupports",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                OpinionId = table.Column<int>(nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                AtUtc = table.Column<DateTime>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OpinionSupports", x => x.Id);
                table.ForeignKey(
                    name: "FK_OpinionSupports_Opinions_OpinionId",
                    column: x => x.OpinionId,
                    principalTable: "Opinions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_OpinionSupports_OpinionId_UserId", table: "OpinionSupports", columns: new[] { "OpinionId", "UserId" }, unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "OpinionSupports");
        migrationBuilder.DropTable(name: "Opinions");
        migrationBuilder.DropTable(name: "PlanVersions");
    }
}
