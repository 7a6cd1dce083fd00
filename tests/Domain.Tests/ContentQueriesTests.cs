using SciaticaService.Domain.Content;
using SciaticaService.Domain.Errors;

namespace SciaticaService.Domain.Tests;

/// <summary>The filter rules of the catalogue's read use cases, independent of any database.</summary>
public class ContentQueriesTests
{
    private readonly RecordingReader _reader = new();

    [Fact]
    public async Task Every_bad_filter_is_reported_at_once_by_parameter_name()
    {
        var queries = new ContentQueries(_reader);

        var exception = await Assert.ThrowsAsync<ValidationException>(() => queries.ListStretchesAsync(
            new StretchQuery(Condition: "flu", SafeFor: "cold", Muscle: "heart", Bias: "sideways", MaxDifficulty: "hard"), default));

        Assert.Equal("invalid_filter", exception.Code);
        Assert.Equal(["condition", "safeFor", "muscle", "bias", "maxDifficulty"], exception.Errors.Select(e => e.Field));
        Assert.Null(_reader.LastCriteria);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData(" 2")]
    [InlineData("99999999999999999999")]
    public async Task MaxDifficulty_must_be_a_whole_number_from_1_to_3(string value)
    {
        var exception = await Assert.ThrowsAsync<ValidationException>(() =>
            new ContentQueries(_reader).ListStretchesAsync(new StretchQuery(MaxDifficulty: value), default));

        Assert.Equal("maxDifficulty", Assert.Single(exception.Errors).Field);
    }

    [Fact]
    public async Task Valid_filters_reach_the_reader_parsed_and_empty_ones_mean_no_filter()
    {
        await new ContentQueries(_reader).ListStretchesAsync(
            new StretchQuery(Condition: "herniated-disc", SafeFor: "", Muscle: "hamstrings", Bias: "extension", MaxDifficulty: "2"), default);

        Assert.Equal(new StretchCriteria("herniated-disc", null, "hamstrings", DirectionBias.Extension, 2), _reader.LastCriteria);
    }

    [Fact]
    public async Task An_unknown_or_malformed_slug_is_not_found_with_a_code_per_resource()
    {
        var queries = new ContentQueries(_reader);

        var condition = await Assert.ThrowsAsync<NotFoundException>(() => queries.GetConditionAsync("nope", default));
        var template = await Assert.ThrowsAsync<NotFoundException>(() => queries.GetRoutineTemplateAsync("../../etc/passwd", default));

        Assert.Equal("condition_not_found", condition.Code);
        Assert.Equal("routine_template_not_found", template.Code);
        Assert.Equal(0, _reader.SlugLookupsWithMalformedSlugs);
    }

    /// <summary>A reader over a fixed vocabulary that records what the use case asked of it.</summary>
    private sealed class RecordingReader : IContentReader
    {
        public StretchCriteria? LastCriteria { get; private set; }

        public int SlugLookupsWithMalformedSlugs { get; private set; }

        public Task<IReadOnlySet<string>> ListConditionSlugsAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlySet<string>>(new HashSet<string> { "herniated-disc", "spinal-stenosis" });

        public Task<IReadOnlySet<string>> ListMusclesAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlySet<string>>(new HashSet<string> { "hamstrings", "piriformis" });

        public Task<IReadOnlyList<Stretch>> ListStretchesAsync(StretchCriteria criteria, CancellationToken cancellationToken)
        {
            LastCriteria = criteria;
            return Task.FromResult<IReadOnlyList<Stretch>>([]);
        }

        public Task<Condition?> FindConditionAsync(string slug, CancellationToken cancellationToken) => Lookup<Condition>(slug);

        public Task<Imbalance?> FindImbalanceAsync(string slug, CancellationToken cancellationToken) => Lookup<Imbalance>(slug);

        public Task<Stretch?> FindStretchAsync(string slug, CancellationToken cancellationToken) => Lookup<Stretch>(slug);

        public Task<RoutineTemplate?> FindRoutineTemplateAsync(string slug, CancellationToken cancellationToken) => Lookup<RoutineTemplate>(slug);

        public Task<IReadOnlyList<Condition>> ListConditionsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Condition>>([]);

        public Task<IReadOnlyList<Imbalance>> ListImbalancesAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Imbalance>>([]);

        public Task<IReadOnlyList<RoutineTemplate>> ListRoutineTemplatesAsync(string? condition, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<RoutineTemplate>>([]);

        public Task<IReadOnlyList<Lesson>> ListLessonsAsync(string? condition, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Lesson>>([]);

        public Task<Lesson?> FindLessonAsync(string slug, CancellationToken cancellationToken) => Lookup<Lesson>(slug);

        private Task<T?> Lookup<T>(string slug) where T : class
        {
            if (!ContentLimits.IsSlug(slug))
            {
                SlugLookupsWithMalformedSlugs++;
            }

            return Task.FromResult<T?>(null);
        }
    }
}
