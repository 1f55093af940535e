using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Portal.Web.Data.Migrations;

/// <summary>
/// Failed sign-ins counted per user name and client address, and the pauses and locks they lead to (issue 10, decision
/// 0013), in the database so that the counts survive a restart and hold across nodes. New tables only; written by hand
/// like the others (decision 0003).
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261127000000_FailedSignIns")]
public sealed class FailedSignIns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SignInFailures",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                NormalizedUserName = table.Column<string>(maxLength: 256, nullable: false),
                ClientAddress = table.Column<string>(maxLength: 64, nullable: false),
                AtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SignInFailures", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "SignInLocks",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                NormalizedUserName = table.Column<string>(maxLength: 256, nullable: false),
                Kind = table.Column<int>(nullable: false),
                ClientAddress = table.Column<string>(maxLength: 64, nullable: false),
                Failures = table.Column<int>(nullable: false),
                StartsAtUtc = table.Column<DateTime>(nullable: false),
                EndsAtUtc = table.Column<DateTime>(nullable: false),
                LiftedAtUtc = table.Column<DateTime>(nullable: true),
                LiftedBy = table.Column<string>(maxLength: 256, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SignInLocks", x => x.Id);
            });

        migrationBuilder.CreateIndex(name: "IX_SignInFailures_AtUtc", table: "SignInFailures", column: "AtUtc");
        migrationBuilder.CreateIndex(name: "IX_SignInFailures_NormalizedUserName_AtUtc", table: "SignInFailures", columns: new[] { "NormalizedUserName", "AtUtc" });
        migrationBuilder.CreateIndex(name: "IX_SignInLocks_EndsAtUtc", table: "SignInLocks", column: "EndsAtUtc");
        migrationBuilder.CreateIndex(name: "IX_SignInLocks_NormalizedUserName_EndsAtUtc", table: "SignInLocks", columns: new[] { "NormalizedUserName", "EndsAtUtc" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "SignInFailures");
        migrationBuilder.DropTable(name: "SignInLocks");
    }
}
