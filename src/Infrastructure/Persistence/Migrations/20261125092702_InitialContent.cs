using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SciaticaService.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialContent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "conditions",
                columns: table => new
                {
                    slug = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    nerve_compression = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    signs = table.Column<string[]>(type: "text[]", nullable: false),
                    typically_affects = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conditions", x => x.slug);
                });

            migrationBuilder.CreateTable(
                name: "imbalances",
                columns: table => new
                {
                    slug = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    tight_muscles = table.Column<string[]>(type: "text[]", nullable: false),
                    weak_muscles = table.Column<string[]>(type: "text[]", nullable: false),
                    postural_effect = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    feeds_conditions = table.Column<string[]>(type: "text[]", nullable: false),
                    self_check_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    self_check_positive_sign = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    self_check_steps = table.Column<string[]>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_imbalances", x => x.slug);
                });

            migrationBuilder.CreateTable(
                name: "stretches",
                columns: table => new
                {
                    slug = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    instructions = table.Column<string[]>(type: "text[]", nullable: false),
                    hold_seconds = table.Column<int>(type: "integer", nullable: true),
                    repetitions = table.Column<int>(type: "integer", nullable: true),
                    sides = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    difficulty = table.Column<int>(type: "integer", nullable: false),
                    bias = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    target_muscles = table.Column<string[]>(type: "text[]", nullable: false),
                    indicated_for = table.Column<string[]>(type: "text[]", nullable: false),
                    cautions = table.Column<string[]>(type: "text[]", nullable: false),
                    easier_variant = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    harder_variant = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stretches", x => x.slug);
                    table.CheckConstraint("ck_stretches_difficulty", "difficulty BETWEEN 1 AND 3");
                    table.CheckConstraint("ck_stretches_dose", "hold_seconds > 0 OR repetitions > 0");
                });

            migrationBuilder.CreateTable(
                name: "routine_templates",
                columns: table => new
                {
                    slug = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    condition_slug = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_routine_templates", x => x.slug);
                    table.ForeignKey(
                        name: "fk_routine_templates_conditions_condition_slug",
                        column: x => x.condition_slug,
                        principalTable: "conditions",
                        principalColumn: "slug",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "stretch_contraindications",
                columns: table => new
                {
                    condition_slug = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    stretch_slug = table.Column<string>(type: "character varying(64)", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stretch_contraindications", x => new { x.stretch_slug, x.condition_slug });
                    table.ForeignKey(
                        name: "fk_stretch_contraindications_conditions_condition_slug",
                        column: x => x.condition_slug,
                        principalTable: "conditions",
                        principalColumn: "slug",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_stretch_contraindications_stretches_stretch_slug",
                        column: x => x.stretch_slug,
                        principalTable: "stretches",
                        principalColumn: "slug",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "routine_template_items",
                columns: table => new
                {
                    position = table.Column<int>(type: "integer", nullable: false),
                    template_slug = table.Column<string>(type: "character varying(64)", nullable: false),
                    stretch_slug = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    sets = table.Column<int>(type: "integer", nullable: false),
                    hold_seconds = table.Column<int>(type: "integer", nullable: true),
                    repetitions = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_routine_template_items", x => new { x.template_slug, x.position });
                    table.CheckConstraint("ck_routine_template_items_sets", "sets BETWEEN 1 AND 10");
                    table.ForeignKey(
                        name: "fk_routine_template_items_routine_templates_template_slug",
                        column: x => x.template_slug,
                        principalTable: "routine_templates",
                        principalColumn: "slug",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_routine_template_items_stretches_stretch_slug",
                        column: x => x.stretch_slug,
                        principalTable: "stretches",
                        principalColumn: "slug",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_routine_template_items_stretch_slug",
                table: "routine_template_items",
                column: "stretch_slug");

            migrationBuilder.CreateIndex(
                name: "ix_routine_templates_condition_slug",
                table: "routine_templates",
                column: "condition_slug");

            migrationBuilder.CreateIndex(
                name: "ix_stretch_contraindications_condition_slug",
                table: "stretch_contraindications",
                column: "condition_slug");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "imbalances");

            migrationBuilder.DropTable(
                name: "routine_template_items");

            migrationBuilder.DropTable(
                name: "stretch_contraindications");

            migrationBuilder.DropTable(
                name: "routine_templates");

            migrationBuilder.DropTable(
                name: "stretches");

            migrationBuilder.DropTable(
                name: "conditions");
        }
    }
}
