using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SciaticaService.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RoutinesAndSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "routines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    minutes_per_day = table.Column<int>(type: "integer", nullable: false),
                    estimated_minutes = table.Column<int>(type: "integer", nullable: false),
                    items = table.Column<string>(type: "jsonb", nullable: false),
                    safe_for = table.Column<string[]>(type: "text[]", nullable: false),
                    changes = table.Column<string>(type: "jsonb", nullable: false),
                    previous_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_routines", x => x.id);
                    table.ForeignKey(
                        name: "fk_routines_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_routines_routines_previous_id",
                        column: x => x.previous_id,
                        principalTable: "routines",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    routine_id = table.Column<Guid>(type: "uuid", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    pain_before = table.Column<int>(type: "integer", nullable: false),
                    pain_after = table.Column<int>(type: "integer", nullable: false),
                    items = table.Column<string>(type: "jsonb", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sessions", x => x.id);
                    table.CheckConstraint("ck_sessions_pain", "pain_before BETWEEN 0 AND 10 AND pain_after BETWEEN 0 AND 10");
                    table.CheckConstraint("ck_sessions_times", "completed_at >= started_at");
                    table.ForeignKey(
                        name: "fk_sessions_routines_routine_id",
                        column: x => x.routine_id,
                        principalTable: "routines",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_routines_assessment_id",
                table: "routines",
                column: "assessment_id");

            migrationBuilder.CreateIndex(
                name: "ix_routines_person_id_version",
                table: "routines",
                columns: new[] { "person_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_routines_previous_id",
                table: "routines",
                column: "previous_id");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_person_id_completed_at",
                table: "sessions",
                columns: new[] { "person_id", "completed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sessions_routine_id",
                table: "sessions",
                column: "routine_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sessions");

            migrationBuilder.DropTable(
                name: "routines");
        }
    }
}
