using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SciaticaService.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SessionsPainRise : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "pain_rise",
                table: "sessions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Sessions logged before this migration: the same value Session computes (the highest pain during any
            // exercise or after, less the pain before). JSON names as in SessionItem.
            migrationBuilder.Sql("""
                UPDATE sessions
                SET pain_rise = GREATEST(pain_after,
                        COALESCE((SELECT max((item ->> 'painDuring')::int) FROM jsonb_array_elements(items) AS item), pain_after))
                    - pain_before;
                """);

            // The 0 above only let the column be added to existing rows: a writer that leaves the column out must
            // fail, not store a pain rise of 0 that progression would then never look at.
            migrationBuilder.Sql("ALTER TABLE sessions ALTER COLUMN pain_rise DROP DEFAULT;");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_routine_id_pain_rise",
                table: "sessions",
                columns: new[] { "routine_id", "pain_rise" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_sessions_routine_id_pain_rise",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "pain_rise",
                table: "sessions");
        }
    }
}
