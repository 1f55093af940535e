using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Web.Data.Migrations;

/// <summary>
/// Commitments (issue 3): the Party organisation a commitment is filed under (its ledger) and whether it is annual or
/// ad hoc. Drafted with tools/Portal.MigrationDraft, reviewed by hand; provider-neutral like the others.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261124000000_Commitments")]
public sealed class Commitments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // SQLite cannot add a foreign key to an existing table, but it can add a column that carries one; EF's
            // alternative (rebuilding the table) needs a model snapshot, which hand-written migrations do not have.
            migrationBuilder.Sql("""ALTER TABLE "WorkItems" ADD COLUMN "PartyOrganizationId" INTEGER NULL CONSTRAINT "FK_WorkItems_PartyOrganizations_PartyOrganizationId" REFERENCES "PartyOrganizations" ("Id") ON DELETE SET NULL;""");
        }
        else
        {
            migrationBuilder.AddColumn<int>(name: "PartyOrganizationId", table: "WorkItems", nullable: true);
            migrationBuilder.AddForeignKey(name: "FK_WorkItems_PartyOrganizations_PartyOrganizationId", table: "WorkItems",
                column: "PartyOrganizationId", principalTable: "PartyOrganizations", principalColumn: "Id", onDelete: ReferentialAction.SetNull);
        }
        migrationBuilder.AddColumn<int>(name: "CommitmentType", table: "WorkItems", nullable: true);
        migrationBuilder.CreateIndex(name: "IX_WorkItems_PartyOrganizationId_CommitmentYear", table: "WorkItems",
            columns: new[] { "PartyOrganizationId", "CommitmentYear" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (ActiveProvider != "Microsoft.EntityFrameworkCore.Sqlite")
            migrationBuilder.DropForeignKey(name: "FK_WorkItems_PartyOrganizations_PartyOrganizationId", table: "WorkItems");
        migrationBuilder.DropIndex(name: "IX_WorkItems_PartyOrganizationId_CommitmentYear", table: "WorkItems");
        migrationBuilder.DropColumn(name: "CommitmentType", table: "WorkItems");
        migrationBuilder.DropColumn(name: "PartyOrganizationId", table: "WorkItems");
    }
}
