using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SciaticaService.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SessionsByRoutineNewestFirst : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_sessions_routine_id",
                table: "sessions");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_routine_id_completed_at_id",
                table: "sessions",
                columns: new[] { "routine_id", "completed_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_sessions_routine_id_completed_at_id",
                table: "sessions");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_routine_id",
                table: "sessions",
                column: "routine_id");
        }
    }
}
