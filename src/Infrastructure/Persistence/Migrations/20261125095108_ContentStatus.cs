using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SciaticaService.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ContentStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "stretches",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "published"); // content stored before drafts existed was all public

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "routine_templates",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "published"); // content stored before drafts existed was all public

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "imbalances",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "published"); // content stored before drafts existed was all public

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "conditions",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "published"); // content stored before drafts existed was all public
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "status",
                table: "stretches");

            migrationBuilder.DropColumn(
                name: "status",
                table: "routine_templates");

            migrationBuilder.DropColumn(
                name: "status",
                table: "imbalances");

            migrationBuilder.DropColumn(
                name: "status",
                table: "conditions");
        }
    }
}
