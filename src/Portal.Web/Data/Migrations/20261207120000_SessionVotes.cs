using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Portal.Web.Data.Migrations;

/// <summary>
/// Issue 13 round 3: the vote deciding a session step (SessionVotes: one per session step, a vote decides one step;
/// foreign keys to the session and the vote), and on public notices the decision's text and the implementation task the
/// closing created (a foreign key to WorkItems). Written by hand (decision 0003); on SQLite a column that carries a
/// foreign key is added with its constraint in the ADD COLUMN, as in Electorate, so no table is rebuilt.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261207120000_SessionVotes")]
public sealed class SessionVotes : Migration
{
    private const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SessionVotes",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                SessionId = table.Column<int>(nullable: false),
                StepIndex = table.Column<int>(nullable: false),
                VoteId = table.Column<int>(nullable: false),
                LinkedByUserId = table.Column<string>(maxLength: 450, nullable: false),
                LinkedAtUtc = table.Column<DateTime>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SessionVotes", x => x.Id);
                table.ForeignKey(
                    name: "FK_SessionVotes_DeliberationSessions_SessionId",
                    column: x => x.SessionId,
                    principalTable: "DeliberationSessions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_SessionVotes_Votes_VoteId",
                    column: x => x.VoteId,
                    principalTable: "Votes",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_SessionVotes_SessionId_StepIndex", table: "SessionVotes", columns: new[] { "SessionId", "StepIndex" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_SessionVotes_VoteId", table: "SessionVotes", column: "VoteId", unique: true);

        // Notices published before this migration had no text; they keep an empty one.
        migrationBuilder.AddColumn<string>(name: "Text", table: "PublicNotices", maxLength: 4000, nullable: false, defaultValue: "");
        if (ActiveProvider == Sqlite)
        {
            migrationBuilder.Sql("""ALTER TABLE "PublicNotices" ADD COLUMN "TaskWorkItemId" INTEGER NULL CONSTRAINT "FK_PublicNotices_WorkItems_TaskWorkItemId" REFERENCES "WorkItems" ("Id") ON DELETE RESTRICT;""");
        }
        else
        {
            migrationBuilder.AddColumn<int>(name: "TaskWorkItemId", table: "PublicNotices", nullable: true);
            migrationBuilder.AddForeignKey(name: "FK_PublicNotices_WorkItems_TaskWorkItemId", table: "PublicNotices", column: "TaskWorkItemId",
                principalTable: "WorkItems", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
        }
        migrationBuilder.CreateIndex(name: "IX_PublicNotices_TaskWorkItemId", table: "PublicNotices", column: "TaskWorkItemId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_PublicNotices_TaskWorkItemId", table: "PublicNotices");
        if (ActiveProvider != Sqlite)
            migrationBuilder.DropForeignKey(name: "FK_PublicNotices_WorkItems_TaskWorkItemId", table: "PublicNotices");
        migrationBuilder.DropColumn(name: "TaskWorkItemId", table: "PublicNotices");
        migrationBuilder.DropColumn(name: "Text", table: "PublicNotices");
        migrationBuilder.DropTable(name: "SessionVotes");
    }
}
