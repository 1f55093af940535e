using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Web.Data.Migrations;

/// <summary>
/// Council notifications (issue 4) open the meeting or its topics: a notification may carry the page it opens. Written by
/// hand like the others (see decision 0003).
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261126000000_NotificationLinks")]
public sealed class NotificationLinks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "LinkPath", table: "Notifications", maxLength: 200, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "LinkPath", table: "Notifications");
}
