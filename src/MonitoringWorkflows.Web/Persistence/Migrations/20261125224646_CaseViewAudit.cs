using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MonitoringWorkflows.Web.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CaseViewAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseViews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    Via = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseViews", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseViews_At",
                table: "CaseViews",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_CaseViews_CaseNumber_At",
                table: "CaseViews",
                columns: new[] { "CaseNumber", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseViews_UserName_At",
                table: "CaseViews",
                columns: new[] { "UserName", "At" });

            // The audit trail is append-only: the database itself refuses to change or remove a recorded view.
            migrationBuilder.Sql("""
                CREATE TRIGGER "CaseViews_NoUpdate" BEFORE UPDATE ON "CaseViews"
                BEGIN SELECT RAISE(ABORT, 'The audit trail of case views is append-only.'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "CaseViews_NoDelete" BEFORE DELETE ON "CaseViews"
                BEGIN SELECT RAISE(ABORT, 'The audit trail of case views is append-only.'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "CaseViews_NoUpdate";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "CaseViews_NoDelete";""");
            migrationBuilder.DropTable(
                name: "CaseViews");
        }
    }
}
