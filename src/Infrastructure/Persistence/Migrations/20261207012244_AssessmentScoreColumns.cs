using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SciaticaService.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Progress read three scores out of every assessment's whole result (about 3 KB of JSON each): the scores now
    /// sit in columns beside it, filled from the stored results, and in the person's index.
    /// </summary>
    public partial class AssessmentScoreColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_assessments_person_id_created_at_id",
                table: "assessments");

            migrationBuilder.AddColumn<int>(
                name: "odi",
                table: "assessments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "pain_now",
                table: "assessments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "sbi",
                table: "assessments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "start_back_risk",
                table: "assessments",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            // Existing assessments get their scores from their stored result, as the service computed them.
            migrationBuilder.Sql("""
                UPDATE assessments
                SET pain_now = (result -> 'scores' -> 'painNow' ->> 'value')::int,
                    sbi = (result -> 'scores' -> 'sbi' ->> 'value')::int,
                    odi = (result -> 'scores' -> 'odi' ->> 'value')::int,
                    start_back_risk = result -> 'scores' -> 'startBack' ->> 'band'
                """);

            migrationBuilder.CreateIndex(
                name: "ix_assessments_person_id_created_at_id",
                table: "assessments",
                columns: new[] { "person_id", "created_at", "id" },
                descending: new[] { false, true, true })
                .Annotation("Npgsql:IndexInclude", new[] { "pain_now", "sbi", "odi", "start_back_risk" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_assessments_person_id_created_at_id",
                table: "assessments");

            migrationBuilder.DropColumn(
                name: "odi",
                table: "assessments");

            migrationBuilder.DropColumn(
                name: "pain_now",
                table: "assessments");

            migrationBuilder.DropColumn(
                name: "sbi",
                table: "assessments");

            migrationBuilder.DropColumn(
                name: "start_back_risk",
                table: "assessments");

            migrationBuilder.CreateIndex(
                name: "ix_assessments_person_id_created_at_id",
                table: "assessments",
                columns: new[] { "person_id", "created_at", "id" },
                descending: new[] { false, true, true });
        }
    }
}
