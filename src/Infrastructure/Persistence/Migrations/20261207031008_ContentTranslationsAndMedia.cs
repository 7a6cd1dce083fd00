using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SciaticaService.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ContentTranslationsAndMedia : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "media",
                table: "stretches",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{\"v\":1,\"media\":[]}'::jsonb");

            migrationBuilder.AddColumn<string>(
                name: "translations",
                table: "stretches",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{\"v\":1,\"texts\":{}}'::jsonb");

            migrationBuilder.AddColumn<string>(
                name: "translations",
                table: "routine_templates",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{\"v\":1,\"texts\":{}}'::jsonb");

            migrationBuilder.AddColumn<string>(
                name: "translations",
                table: "imbalances",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{\"v\":1,\"texts\":{}}'::jsonb");

            migrationBuilder.AddColumn<string>(
                name: "translations",
                table: "conditions",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{\"v\":1,\"texts\":{}}'::jsonb");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "media",
                table: "stretches");

            migrationBuilder.DropColumn(
                name: "translations",
                table: "stretches");

            migrationBuilder.DropColumn(
                name: "translations",
                table: "routine_templates");

            migrationBuilder.DropColumn(
                name: "translations",
                table: "imbalances");

            migrationBuilder.DropColumn(
                name: "translations",
                table: "conditions");
        }
    }
}
