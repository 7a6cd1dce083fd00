using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SciaticaService.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ClearancesEscalationsScreens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "escalation",
                table: "sessions",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "escalation_level",
                table: "sessions",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "new_symptoms",
                table: "sessions",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<string[]>(
                name: "screens",
                table: "routines",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.CreateTable(
                name: "clearances",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cleared_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    cleared_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clearances", x => x.id);
                    table.ForeignKey(
                        name: "fk_clearances_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "stretch_precautions",
                columns: table => new
                {
                    screen = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    stretch_slug = table.Column<string>(type: "character varying(64)", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stretch_precautions", x => new { x.stretch_slug, x.screen });
                    table.ForeignKey(
                        name: "fk_stretch_precautions_stretches_stretch_slug",
                        column: x => x.stretch_slug,
                        principalTable: "stretches",
                        principalColumn: "slug",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sessions_escalated",
                table: "sessions",
                columns: new[] { "person_id", "recorded_at" },
                filter: "escalation_level IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_assessments_flagged",
                table: "assessments",
                columns: new[] { "person_id", "created_at" },
                filter: "triage IN ('urgent', 'emergency')");

            migrationBuilder.CreateIndex(
                name: "ix_clearances_assessment_id",
                table: "clearances",
                column: "assessment_id");

            migrationBuilder.CreateIndex(
                name: "ix_clearances_person_id_cleared_on",
                table: "clearances",
                columns: new[] { "person_id", "cleared_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "clearances");

            migrationBuilder.DropTable(
                name: "stretch_precautions");

            migrationBuilder.DropIndex(
                name: "ix_sessions_escalated",
                table: "sessions");

            migrationBuilder.DropIndex(
                name: "ix_assessments_flagged",
                table: "assessments");

            migrationBuilder.DropColumn(
                name: "escalation",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "escalation_level",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "new_symptoms",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "screens",
                table: "routines");
        }
    }
}
