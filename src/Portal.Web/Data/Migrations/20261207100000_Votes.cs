using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Portal.Web.Data.Migrations;

/// <summary>
/// Residents' votes (issue 13, items 5–9): votes with their rule set kept whole, the frozen roll, participations (one per
/// elector per vote: a unique index), named ballots, secret ballots and presence. New tables only. <c>SecretBallots</c>
/// has a random key and no column naming an elector; on SQLite it is a WITHOUT ROWID table so no rowid records the order in
/// which ballots came in (decision 0030). Written by hand like the others (decision 0003).
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261207100000_Votes")]
public sealed class Votes : Migration
{
    private const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Votes",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CommunityId = table.Column<int>(nullable: false),
                ScopeKind = table.Column<int>(nullable: false),
                ScopeId = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                QuestionKind = table.Column<int>(nullable: false),
                MaxChoices = table.Column<int>(nullable: false),
                Options = table.Column<string>(nullable: false),
                RuleSetData = table.Column<string>(nullable: false),
                RuleSetCode = table.Column<string>(maxLength: 100, nullable: false),
                RuleSetVersion = table.Column<int>(nullable: false),
                RuleSetName = table.Column<string>(maxLength: 200, nullable: false),
                Secrecy = table.Column<int>(nullable: false),
                Channels = table.Column<int>(nullable: false),
                OpensAtUtc = table.Column<DateTime>(nullable: false),
                ClosesAtUtc = table.Column<DateTime>(nullable: false),
                Status = table.Column<int>(nullable: false),
                CreatedByUserId = table.Column<string>(maxLength: 450, nullable: false),
                OpenedAtUtc = table.Column<DateTime>(nullable: true),
                ClosedAtUtc = table.Column<DateTime>(nullable: true),
                EntitledCount = table.Column<int>(nullable: false),
                EntitledArea = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                Outcome = table.Column<int>(nullable: true),
                VerdictData = table.Column<string>(nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Votes", x => x.Id);
                table.ForeignKey(name: "FK_Votes_Communities_CommunityId", column: x => x.CommunityId,
                    principalTable: "Communities", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "VoteElectors",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                VoteId = table.Column<int>(nullable: false),
                Key = table.Column<string>(maxLength: 100, nullable: false),
                DisplayName = table.Column<string>(maxLength: 200, nullable: false),
                Area = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                GridId = table.Column<int>(nullable: true),
                PersonId = table.Column<int>(nullable: true),
                OwnerId = table.Column<int>(nullable: true),
                HouseholdId = table.Column<int>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_VoteElectors", x => x.Id);
                table.ForeignKey(name: "FK_VoteElectors_Votes_VoteId", column: x => x.VoteId,
                    principalTable: "Votes", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "VoteParticipations",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                VoteId = table.Column<int>(nullable: false),
                ElectorKey = table.Column<string>(maxLength: 100, nullable: false),
                Channel = table.Column<int>(nullable: false),
                CastAtUtc = table.Column<DateTime>(nullable: false),
                RecordedByUserId = table.Column<string>(maxLength: 450, nullable: false),
                PaperNumber = table.Column<string>(maxLength: 50, nullable: true),
                EvidenceFile = table.Column<string>(maxLength: 260, nullable: true),
                ProxyHolder = table.Column<string>(maxLength: 50, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_VoteParticipations", x => x.Id);
                table.ForeignKey(name: "FK_VoteParticipations_Votes_VoteId", column: x => x.VoteId,
                    principalTable: "Votes", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "VotePresences",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                VoteId = table.Column<int>(nullable: false),
                ElectorKey = table.Column<string>(maxLength: 100, nullable: false),
                MarkedAtUtc = table.Column<DateTime>(nullable: false),
                MarkedByUserId = table.Column<string>(maxLength: 450, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_VotePresences", x => x.Id);
                table.ForeignKey(name: "FK_VotePresences_Votes_VoteId", column: x => x.VoteId,
                    principalTable: "Votes", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "NamedBallots",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                VoteId = table.Column<int>(nullable: false),
                ElectorKey = table.Column<string>(maxLength: 100, nullable: false),
                Choices = table.Column<string>(maxLength: 400, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NamedBallots", x => x.Id);
                table.ForeignKey(name: "FK_NamedBallots_Votes_VoteId", column: x => x.VoteId,
                    principalTable: "Votes", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        if (ActiveProvider == Sqlite)
        {
            // WITHOUT ROWID: rows live in the order of their random key, and no hidden rowid counts them in.
            migrationBuilder.Sql("""
                CREATE TABLE "SecretBallots" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_SecretBallots" PRIMARY KEY,
                    "VoteId" INTEGER NOT NULL,
                    "Choices" TEXT NOT NULL,
                    "ReceiptCode" TEXT NOT NULL,
                    CONSTRAINT "FK_SecretBallots_Votes_VoteId" FOREIGN KEY ("VoteId") REFERENCES "Votes" ("Id") ON DELETE CASCADE
                ) WITHOUT ROWID
                """);
        }
        else
        {
            migrationBuilder.CreateTable(
                name: "SecretBallots",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    VoteId = table.Column<int>(nullable: false),
                    Choices = table.Column<string>(maxLength: 400, nullable: false),
                    ReceiptCode = table.Column<string>(maxLength: 20, nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecretBallots", x => x.Id);
                    table.ForeignKey(name: "FK_SecretBallots_Votes_VoteId", column: x => x.VoteId,
                        principalTable: "Votes", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
                });
        }

        migrationBuilder.CreateIndex(name: "IX_Votes_CommunityId_Status", table: "Votes", columns: new[] { "CommunityId", "Status" });
        migrationBuilder.CreateIndex(name: "IX_Votes_Status_ClosesAtUtc", table: "Votes", columns: new[] { "Status", "ClosesAtUtc" });
        migrationBuilder.CreateIndex(name: "IX_VoteElectors_VoteId_Key", table: "VoteElectors", columns: new[] { "VoteId", "Key" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_VoteElectors_PersonId", table: "VoteElectors", column: "PersonId");
        migrationBuilder.CreateIndex(name: "IX_VoteElectors_OwnerId", table: "VoteElectors", column: "OwnerId");
        migrationBuilder.CreateIndex(name: "IX_VoteElectors_HouseholdId", table: "VoteElectors", column: "HouseholdId");
        migrationBuilder.CreateIndex(name: "IX_VoteParticipations_VoteId_ElectorKey", table: "VoteParticipations",
            columns: new[] { "VoteId", "ElectorKey" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_VoteParticipations_VoteId_PaperNumber", table: "VoteParticipations",
            columns: new[] { "VoteId", "PaperNumber" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_VotePresences_VoteId_ElectorKey", table: "VotePresences",
            columns: new[] { "VoteId", "ElectorKey" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_NamedBallots_VoteId_ElectorKey", table: "NamedBallots",
            columns: new[] { "VoteId", "ElectorKey" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_SecretBallots_VoteId_ReceiptCode", table: "SecretBallots",
            columns: new[] { "VoteId", "ReceiptCode" }, unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "SecretBallots");
        migrationBuilder.DropTable(name: "NamedBallots");
        migrationBuilder.DropTable(name: "VotePresences");
        migrationBuilder.DropTable(name: "VoteParticipations");
        migrationBuilder.DropTable(name: "VoteElectors");
        migrationBuilder.DropTable(name: "Votes");
    }
}
