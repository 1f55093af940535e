using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Web.Data.Migrations;

/// <summary>
/// The live event outbox (issue 12, decision 0023): one head row per live channel holds the last sequence number handed
/// out, claimed by an upsert in the transaction that stores the change and its events. Filled from the events kept so
/// far, so numbering continues where it stopped. Written by hand like the others (decision 0003).
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261206000000_LiveChannels")]
public sealed class LiveChannels : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "LiveChannels",
            columns: table => new
            {
                Channel = table.Column<string>(maxLength: 200, nullable: false),
                LastSequence = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LiveChannels", x => x.Channel);
            });

        migrationBuilder.Sql("""
            INSERT INTO "LiveChannels" ("Channel", "LastSequence")
            SELECT "Topic", MAX("Sequence") FROM "LiveEvents" GROUP BY "Topic"
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "LiveChannels");
    }
}
