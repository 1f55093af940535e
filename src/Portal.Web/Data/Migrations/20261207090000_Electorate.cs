using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Portal.Web.Data.Migrations;

/// <summary>
/// What electorates need from the directory (issue 13, items 5 and 6; decision 0032): people's birth dates (adults) and
/// the residents' representatives' roster, property management areas whose buildings' owners vote together, and the
/// stored rule-set versions a vote opens with.
/// Written by hand, provider-neutral (decision 0003); the foreign key added to the existing <c>Buildings</c> takes the
/// raw SQLite path of <c>20261124000000_Commitments</c> (decision 0026 §3).
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261207090000_Electorate")]
public sealed class Electorate : Migration
{
    private const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateOnly>(name: "BirthDate", table: "People", nullable: true);
        migrationBuilder.AddColumn<bool>(name: "IsRepresentative", table: "People", nullable: false, defaultValue: false);

        migrationBuilder.CreateTable(
            name: "PropertyAreas",
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
                table.PrimaryKey("PK_PropertyAreas", x => x.Id);
                table.ForeignKey(name: "FK_PropertyAreas_Communities_CommunityId", column: x => x.CommunityId,
                    principalTable: "Communities", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_PropertyAreas_CommunityId_Name", table: "PropertyAreas", columns: new[] { "CommunityId", "Name" }, unique: true);

        if (ActiveProvider == Sqlite)
        {
            // SQLite cannot add a foreign key to an existing table, but it can add a column that carries one.
            migrationBuilder.Sql("""ALTER TABLE "Buildings" ADD COLUMN "PropertyAreaId" INTEGER NULL CONSTRAINT "FK_Buildings_PropertyAreas_PropertyAreaId" REFERENCES "PropertyAreas" ("Id") ON DELETE RESTRICT;""");
        }
        else
        {
            migrationBuilder.AddColumn<int>(name: "PropertyAreaId", table: "Buildings", nullable: true);
            migrationBuilder.AddForeignKey(name: "FK_Buildings_PropertyAreas_PropertyAreaId", table: "Buildings", column: "PropertyAreaId",
                principalTable: "PropertyAreas", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
        }
        migrationBuilder.CreateIndex(name: "IX_Buildings_PropertyAreaId", table: "Buildings", column: "PropertyAreaId");

        migrationBuilder.CreateTable(
            name: "RuleSetVersions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Code = table.Column<string>(maxLength: 64, nullable: false),
                Version = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Rules = table.Column<string>(nullable: false),
                StreetId = table.Column<int>(nullable: true),
                CommunityId = table.Column<int>(nullable: true),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RuleSetVersions", x => x.Id);
                table.ForeignKey(name: "FK_RuleSetVersions_Communities_CommunityId", column: x => x.CommunityId,
                    principalTable: "Communities", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_RuleSetVersions_Streets_StreetId", column: x => x.StreetId,
                    principalTable: "Streets", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_RuleSetVersions_Code_Version", table: "RuleSetVersions", columns: new[] { "Code", "Version" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_RuleSetVersions_CommunityId", table: "RuleSetVersions", column: "CommunityId");
        migrationBuilder.CreateIndex(name: "IX_RuleSetVersions_StreetId", table: "RuleSetVersions", column: "StreetId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "RuleSetVersions");
        if (ActiveProvider != Sqlite)
            migrationBuilder.DropForeignKey(name: "FK_Buildings_PropertyAreas_PropertyAreaId", table: "Buildings");
        migrationBuilder.DropIndex(name: "IX_Buildings_PropertyAreaId", table: "Buildings");
        migrationBuilder.DropColumn(name: "PropertyAreaId", table: "Buildings");
        migrationBuilder.DropTable(name: "PropertyAreas");
        migrationBuilder.DropColumn(name: "IsRepresentative", table: "People");
        migrationBuilder.DropColumn(name: "BirthDate", table: "People");
    }
}
