using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MonitoringWorkflows.Web.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DesignerDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "BasedOnVersion",
                table: "ProcessDefinitions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "ProcessDefinitions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "UpdatedAt",
                table: "ProcessDefinitions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedBy",
                table: "ProcessDefinitions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BasedOnVersion",
                table: "FormDefinitions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "FormDefinitions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "UpdatedAt",
                table: "FormDefinitions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedBy",
                table: "FormDefinitions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProcessDefinitions_Draft",
                table: "ProcessDefinitions",
                column: "Key",
                unique: true,
                filter: "\"Status\" = 'Draft'");

            migrationBuilder.CreateIndex(
                name: "IX_FormDefinitions_Draft",
                table: "FormDefinitions",
                column: "Key",
                unique: true,
                filter: "\"Status\" = 'Draft'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProcessDefinitions_Draft",
                table: "ProcessDefinitions");

            migrationBuilder.DropIndex(
                name: "IX_FormDefinitions_Draft",
                table: "FormDefinitions");

            migrationBuilder.DropColumn(
                name: "BasedOnVersion",
                table: "ProcessDefinitions");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "ProcessDefinitions");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "ProcessDefinitions");

            migrationBuilder.DropColumn(
                name: "UpdatedBy",
                table: "ProcessDefinitions");

            migrationBuilder.DropColumn(
                name: "BasedOnVersion",
                table: "FormDefinitions");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "FormDefinitions");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "FormDefinitions");

            migrationBuilder.DropColumn(
                name: "UpdatedBy",
                table: "FormDefinitions");
        }
    }
}
