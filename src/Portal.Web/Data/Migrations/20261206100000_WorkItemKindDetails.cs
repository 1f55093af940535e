using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Web.Data.Migrations;

/// <summary>
/// The kind-specific data leaves <c>WorkItems</c> for tables of its own (issue 12, item 5): a project's budget and
/// progress go to <c>WorkItemProjects</c>, a commitment's organisation, type, year and scores to
/// <c>WorkItemCommitments</c>, one row per item of that kind keyed by the item. The data is copied over, then the eight
/// old columns, their foreign key and their index are dropped. Dropping columns and a foreign key makes SQLite rebuild
/// <c>WorkItems</c>, which EF does only from a target model: it is the generated, frozen
/// <c>20261206100000_WorkItemKindDetails.Designer.cs</c> beside this file (decision 0026). Written by hand like the others
/// (decision 0003), the tables drafted with tools/Portal.MigrationDraft.
/// </summary>
public sealed partial class WorkItemKindDetails : Migration
{
    private const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "WorkItemProjects",
            columns: table => new
            {
                WorkItemId = table.Column<int>(nullable: false),
                BudgetYuan = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                ProgressPercent = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WorkItemProjects", x => x.WorkItemId);
                table.ForeignKey(name: "FK_WorkItemProjects_WorkItems_WorkItemId", column: x => x.WorkItemId,
                    principalTable: "WorkItems", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "WorkItemCommitments",
            columns: table => new
            {
                WorkItemId = table.Column<int>(nullable: false),
                PartyOrganizationId = table.Column<int>(nullable: true),
                Type = table.Column<int>(nullable: false),
                Year = table.Column<int>(nullable: false),
                MemberScore = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                ResidentScore = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                OrganizationScore = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WorkItemCommitments", x => x.WorkItemId);
                table.ForeignKey(name: "FK_WorkItemCommitments_PartyOrganizations_PartyOrganizationId", column: x => x.PartyOrganizationId,
                    principalTable: "PartyOrganizations", principalColumn: "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey(name: "FK_WorkItemCommitments_WorkItems_WorkItemId", column: x => x.WorkItemId,
                    principalTable: "WorkItems", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_WorkItemCommitments_PartyOrganizationId_Year", table: "WorkItemCommitments",
            columns: new[] { "PartyOrganizationId", "Year" });

        // Kind 3 = Project, 5 = Commitment (WorkItemKind). Every item of the kind gets its row, so the app can rely on it.
        migrationBuilder.Sql("""
            INSERT INTO "WorkItemProjects" ("WorkItemId", "BudgetYuan", "ProgressPercent")
            SELECT "Id", "BudgetYuan", "ProgressPercent" FROM "WorkItems" WHERE "Kind" = 3
            """);
        // The app always set a commitment's type and year; a row without them (hand-made data) becomes an annual
        // commitment of the year it was made, the form's default, rather than being lost.
        var raisedYear = ActiveProvider == Sqlite
            ? """CAST(strftime('%Y', "RaisedAtUtc") AS INTEGER)"""
            : """CAST(EXTRACT(YEAR FROM "RaisedAtUtc") AS integer)""";
        migrationBuilder.Sql($"""
            INSERT INTO "WorkItemCommitments" ("WorkItemId", "PartyOrganizationId", "Type", "Year", "MemberScore", "ResidentScore", "OrganizationScore")
            SELECT "Id", "PartyOrganizationId", COALESCE("CommitmentType", 1), COALESCE("CommitmentYear", {raisedYear}),
                   "MemberScore", "ResidentScore", "OrganizationScore"
            FROM "WorkItems" WHERE "Kind" = 5
            """);

        migrationBuilder.DropIndex(name: "IX_WorkItems_PartyOrganizationId_CommitmentYear", table: "WorkItems");
        // On SQLite these make EF rebuild WorkItems from the target model (the Designer part); PostgreSQL drops in place.
        migrationBuilder.DropForeignKey(name: "FK_WorkItems_PartyOrganizations_PartyOrganizationId", table: "WorkItems");
        foreach (var column in OldColumns)
            migrationBuilder.DropColumn(name: column, table: "WorkItems");
    }

    private static readonly string[] OldColumns =
        ["BudgetYuan", "ProgressPercent", "PartyOrganizationId", "CommitmentType", "CommitmentYear", "MemberScore", "ResidentScore", "OrganizationScore"];

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Down has no model (the previous migrations carry none), so it only adds: SQLite's ADD COLUMN … REFERENCES as in
        // 20261124000000_Commitments.
        if (ActiveProvider == Sqlite)
        {
            migrationBuilder.Sql("""ALTER TABLE "WorkItems" ADD COLUMN "PartyOrganizationId" INTEGER NULL CONSTRAINT "FK_WorkItems_PartyOrganizations_PartyOrganizationId" REFERENCES "PartyOrganizations" ("Id") ON DELETE SET NULL;""");
        }
        else
        {
            migrationBuilder.AddColumn<int>(name: "PartyOrganizationId", table: "WorkItems", nullable: true);
            migrationBuilder.AddForeignKey(name: "FK_WorkItems_PartyOrganizations_PartyOrganizationId", table: "WorkItems",
                column: "PartyOrganizationId", principalTable: "PartyOrganizations", principalColumn: "Id", onDelete: ReferentialAction.SetNull);
        }
        migrationBuilder.AddColumn<decimal>(name: "BudgetYuan", table: "WorkItems", precision: 18, scale: 2, nullable: true);
        migrationBuilder.AddColumn<int>(name: "ProgressPercent", table: "WorkItems", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<int>(name: "CommitmentType", table: "WorkItems", nullable: true);
        migrationBuilder.AddColumn<int>(name: "CommitmentYear", table: "WorkItems", nullable: true);
        migrationBuilder.AddColumn<decimal>(name: "MemberScore", table: "WorkItems", precision: 18, scale: 2, nullable: true);
        migrationBuilder.AddColumn<decimal>(name: "ResidentScore", table: "WorkItems", precision: 18, scale: 2, nullable: true);
        migrationBuilder.AddColumn<decimal>(name: "OrganizationScore", table: "WorkItems", precision: 18, scale: 2, nullable: true);
        migrationBuilder.CreateIndex(name: "IX_WorkItems_PartyOrganizationId_CommitmentYear", table: "WorkItems",
            columns: new[] { "PartyOrganizationId", "CommitmentYear" });
        migrationBuilder.Sql("""
            UPDATE "WorkItems" SET
                "BudgetYuan" = (SELECT p."BudgetYuan" FROM "WorkItemProjects" p WHERE p."WorkItemId" = "WorkItems"."Id"),
                "ProgressPercent" = COALESCE((SELECT p."ProgressPercent" FROM "WorkItemProjects" p WHERE p."WorkItemId" = "WorkItems"."Id"), 0)
            WHERE "Kind" = 3
            """);
        migrationBuilder.Sql("""
            UPDATE "WorkItems" SET
                "PartyOrganizationId" = (SELECT c."PartyOrganizationId" FROM "WorkItemCommitments" c WHERE c."WorkItemId" = "WorkItems"."Id"),
                "CommitmentType" = (SELECT c."Type" FROM "WorkItemCommitments" c WHERE c."WorkItemId" = "WorkItems"."Id"),
                "CommitmentYear" = (SELECT c."Year" FROM "WorkItemCommitments" c WHERE c."WorkItemId" = "WorkItems"."Id"),
                "MemberScore" = (SELECT c."MemberScore" FROM "WorkItemCommitments" c WHERE c."WorkItemId" = "WorkItems"."Id"),
                "ResidentScore" = (SELECT c."ResidentScore" FROM "WorkItemCommitments" c WHERE c."WorkItemId" = "WorkItems"."Id"),
                "OrganizationScore" = (SELECT c."OrganizationScore" FROM "WorkItemCommitments" c WHERE c."WorkItemId" = "WorkItems"."Id")
            WHERE "Kind" = 5
            """);
        migrationBuilder.DropTable(name: "WorkItemCommitments");
        migrationBuilder.DropTable(name: "WorkItemProjects");
    }
}
