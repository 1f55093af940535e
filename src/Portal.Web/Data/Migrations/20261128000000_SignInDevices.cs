using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Web.Data.Migrations;

/// <summary>
/// Known devices and unaudited locks of names that are no account (issue 10, decision 0013): a failed sign-in may name the
/// known device it came from, and a pause or lock the account its user name belonged to. Written by hand like the others
/// (decision 0003).
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261128000000_SignInDevices")]
public sealed class SignInDevices : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "DeviceId", table: "SignInFailures", maxLength: 32, nullable: true);
        migrationBuilder.AddColumn<string>(name: "UserId", table: "SignInLocks", maxLength: 450, nullable: true);
        // Pauses and locks kept from before name their account, so that lifting them is audited as before.
        migrationBuilder.Sql("""
            UPDATE "SignInLocks" SET "UserId" =
                (SELECT "Id" FROM "AspNetUsers" WHERE "AspNetUsers"."NormalizedUserName" = "SignInLocks"."NormalizedUserName")
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "DeviceId", table: "SignInFailures");
        migrationBuilder.DropColumn(name: "UserId", table: "SignInLocks");
    }
}
