using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Web.Data.Migrations;

/// <summary>
/// The live event outbox (issue 12, decision 0023): one head row per live channel holds the last sequence number handed
/// out, claimed by an upsert in the transaction that stores the change and its events. Filled from the events kept so
/// far, so numbering continues where it stopped. The live stream is a channel, not a topic (the council's agenda
/// proposal keeps that word, issue 12 item 8): <c>LiveEvents.Topic</c> becomes <c>Channel</c>. Written by hand like the
/// others (decision 0003).
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

        // SQLite cannot rename an index (EF would need the target model to rebuild the table): drop and create it.
        migrationBuilder.DropIndex(name: "IX_LiveEvents_Topic_Sequence", table: "LiveEvents");
        migrationBuilder.RenameColumn(name: "Topic", table: "LiveEvents", newName: "Channel");
        migrationBuilder.CreateIndex(name: "IX_LiveEvents_Channel_Sequence", table: "LiveEvents", columns: new[] { "Channel", "Sequence" }, unique: true);

        migrationBuilder.Sql("""
            INSERT INTO "LiveChannels" ("Channel", "LastSequence")
            SELECT "Channel", MAX("Sequence") FROM "LiveEvents" GROUP BY "Channel"
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "LiveChannels");
        migrationBuilder.DropIndex(name: "IX_LiveEvents_Channel_Sequence", table: "LiveEvents");
        migrationBuilder.RenameColumn(name: "Channel", table: "LiveEvents", newName: "Topic");
        migrationBuilder.CreateIndex(name: "IX_LiveEvents_Topic_Sequence", table: "LiveEvents", columns: new[] { "Topic", "Sequence" }, unique: true);
    }
}
