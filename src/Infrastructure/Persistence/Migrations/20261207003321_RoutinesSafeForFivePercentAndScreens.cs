using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SciaticaService.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Routines built before the safety threshold and the screens existed keep later versions as safe as new ones:
    /// each routine's <c>safe_for</c> gains every cause its assessment gave 5% or more (it was 10%), and its
    /// <c>screens</c> are read from its assessment's answers as <c>Screening.From</c> reads them (version 1's merged
    /// steroids/osteoporosis question included, and a screen it never asked applying until answered). An exercise now
    /// unsafe for them leaves the routine at its next read, as after any content change. Nothing is taken away, so
    /// Down leaves the data as it is.
    /// </summary>
    public partial class RoutinesSafeForFivePercentAndScreens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE routines AS r
                SET safe_for = ARRAY(
                        SELECT DISTINCT cause FROM (
                            SELECT unnest(r.safe_for) AS cause
                            UNION
                            SELECT c ->> 'condition' FROM jsonb_array_elements(a.result -> 'causes') AS c
                            WHERE (c ->> 'probability')::float8 >= 0.05) AS causes
                        ORDER BY cause),
                    screens = ARRAY(
                        SELECT screen FROM (VALUES
                            (1, 'osteoporosis', a.answers ->> 'osteoporosis' = 'true' OR a.answers ->> 'long_term_steroids' = 'true'
                                                OR a.answers ->> 'steroids_or_osteoporosis' = 'true'
                                                OR NOT a.answers ?| array['osteoporosis', 'long_term_steroids', 'steroids_or_osteoporosis']),
                            (2, 'hip_replacement', a.answers ->> 'hip_replacement' IS DISTINCT FROM 'false'),
                            (3, 'pregnancy', a.answers ->> 'pregnant' IS DISTINCT FROM 'false'),
                            (4, 'extension_worsens', a.answers ->> 'lying_face_down_or_arching_effect' = 'worse_or_spreads'
                                                     OR a.answers ->> 'worse_arching_back' = 'true'))
                            AS s(rank, screen, present)
                        WHERE s.present
                        ORDER BY s.rank)
                FROM assessments AS a
                WHERE a.id = r.assessment_id
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
