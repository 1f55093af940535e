using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Portal.Web.Data.Migrations;

/// <summary>
/// Deliberation (issue 13, decision 0031): procedure template versions (steps as JSON, key + version unique; owner a
/// community, a street, or none for the shipped ones), matters (scope, origin, the promoted need as a real foreign key,
/// screening), sessions (the template version's steps and the step completions kept with the session; the current
/// step, its deadline and the finish stored for the lists), and public notices with their objections (JSON). New tables only, created in dependency order so every
/// foreign key sits in its CREATE TABLE on SQLite; no table rebuild. Drafted with tools/Portal.MigrationDraft, reviewed
/// by hand; provider-neutral like the others.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261207110000_Deliberation")]
public sealed class Deliberation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ProcedureTemplates",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Key = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 50, nullable: false),
                OwnerScope = table.Column<int>(nullable: true),
                OwnerId = table.Column<int>(nullable: true),
                Version = table.Column<int>(nullable: false),
                Steps = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProcedureTemplates", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Matters",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CommunityId = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 100, nullable: false),
                Description = table.Column<string>(maxLength: 4000, nullable: false),
                Origin = table.Column<int>(nullable: false),
                WorkItemId = table.Column<int>(nullable: true),
                RaisedByUserId = table.Column<string>(maxLength: 450, nullable: false),
                RaisedAtUtc = table.Column<DateTime>(nullable: false),
                Status = table.Column<int>(nullable: false),
                MergedIntoMatterId = table.Column<int>(nullable: true),
                ScreeningReason = table.Column<string>(maxLength: 500, nullable: true),
                ScreenedAtUtc = table.Column<DateTime>(nullable: true),
                ScreenedByUserId = table.Column<string>(maxLength: 450, nullable: true),
                ScopeId = table.Column<int>(nullable: false),
                ScopeKind = table.Column<int>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Matters", x => x.Id);
                table.ForeignKey(
                    name: "FK_Matters_Communities_CommunityId",
                    column: x => x.CommunityId,
                    principalTable: "Communities",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Matters_Matters_MergedIntoMatterId",
                    column: x => x.MergedIntoMatterId,
                    principalTable: "Matters",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Matters_WorkItems_WorkItemId",
                    column: x => x.WorkItemId,
                    principalTable: "WorkItems",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "DeliberationSessions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CommunityId = table.Column<int>(nullable: false),
                MatterId = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 100, nullable: false),
                TemplateId = table.Column<int>(nullable: false),
                TemplateKey = table.Column<Guid>(nullable: false),
                TemplateName = table.Column<string>(maxLength: 50, nullable: false),
                TemplateVersion = table.Column<int>(nullable: false),
                Steps = table.Column<string>(nullable: false),
                StartedAtUtc = table.Column<DateTime>(nullable: false),
                Completions = table.Column<string>(nullable: false),
                CurrentStepIndex = table.Column<int>(nullable: true),
                CurrentStepDueUtc = table.Column<DateTime>(nullable: true),
                FinishedAtUtc = table.Column<DateTime>(nullable: true),
                ScopeId = table.Column<int>(nullable: false),
                ScopeKind = table.Column<int>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DeliberationSessions", x => x.Id);
                table.ForeignKey(
                    name: "FK_DeliberationSessions_Communities_CommunityId",
                    column: x => x.CommunityId,
                    principalTable: "Communities",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_DeliberationSessions_Matters_MatterId",
                    column: x => x.MatterId,
                    principalTable: "Matters",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_DeliberationSessions_ProcedureTemplates_TemplateId",
                    column: x => x.TemplateId,
                    principalTable: "ProcedureTemplates",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "PublicNotices",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                SessionId = table.Column<int>(nullable: false),
                StartsAtUtc = table.Column<DateTime>(nullable: false),
                PeriodDays = table.Column<int>(nullable: false),
                ClosedAtUtc = table.Column<DateTime>(nullable: true),
                Objections = table.Column<string>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PublicNotices", x => x.Id);
                table.ForeignKey(
                    name: "FK_PublicNotices_DeliberationSessions_SessionId",
                    column: x => x.SessionId,
                    principalTable: "DeliberationSessions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_DeliberationSessions_CommunityId_FinishedAtUtc_StartedAtUtc", table: "DeliberationSessions", columns: new[] { "CommunityId", "FinishedAtUtc", "StartedAtUtc" });

        migrationBuilder.CreateIndex(name: "IX_DeliberationSessions_MatterId", table: "DeliberationSessions", column: "MatterId", unique: true);

        migrationBuilder.CreateIndex(name: "IX_DeliberationSessions_TemplateId", table: "DeliberationSessions", column: "TemplateId");

        migrationBuilder.CreateIndex(name: "IX_Matters_CommunityId_Status_RaisedAtUtc", table: "Matters", columns: new[] { "CommunityId", "Status", "RaisedAtUtc" });

        migrationBuilder.CreateIndex(name: "IX_Matters_MergedIntoMatterId", table: "Matters", column: "MergedIntoMatterId");

        migrationBuilder.CreateIndex(name: "IX_Matters_RaisedByUserId_RaisedAtUtc", table: "Matters", columns: new[] { "RaisedByUserId", "RaisedAtUtc" });

        migrationBuilder.CreateIndex(name: "IX_Matters_WorkItemId", table: "Matters", column: "WorkItemId");

        migrationBuilder.CreateIndex(name: "IX_ProcedureTemplates_Key_Version", table: "ProcedureTemplates", columns: new[] { "Key", "Version" }, unique: true);

        migrationBuilder.CreateIndex(name: "IX_PublicNotices_SessionId_ClosedAtUtc", table: "PublicNotices", columns: new[] { "SessionId", "ClosedAtUtc" });

        migrationBuilder.CreateIndex(name: "IX_ProcedureTemplates_OwnerScope_OwnerId", table: "ProcedureTemplates", columns: new[] { "OwnerScope", "OwnerId" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "PublicNotices");
        migrationBuilder.DropTable(name: "DeliberationSessions");
        migrationBuilder.DropTable(name: "Matters");
        migrationBuilder.DropTable(name: "ProcedureTemplates");
    }
}
