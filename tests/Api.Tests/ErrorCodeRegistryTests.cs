using System.Text.RegularExpressions;
using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Domain.Errors;

namespace SciaticaService.Api.Tests;

/// <summary>
/// One error vocabulary: the codes the source emits, the registry (<see cref="ErrorCodes"/>), the README's error table
/// and the OpenAPI <c>ErrorCode</c> enum all agree, so a new code cannot be forgotten in any of them.
/// </summary>
public sealed partial class ErrorCodeRegistryTests
{
    [Fact]
    public void Every_code_the_source_passes_to_an_error_comes_from_the_registry()
    {
        var (literals, constants) = CodesInSource();

        // A guard on the patterns themselves: if the source is refactored so they find nothing, say so.
        Assert.True(constants.Count >= 30, $"Only {constants.Count} ErrorCodes constants found at error call sites; have the call sites changed shape?");
        var written = literals.Where(e => !e.Key.EndsWith("_not_found", StringComparison.Ordinal))
            .Select(e => $"{e.Key} ({e.Value})").ToList();
        Assert.True(written.Count == 0, "Error codes written as string literals; use an ErrorCodes constant: " + string.Join(", ", written));
        var missing = literals.Where(e => !ErrorCodes.All.Contains(e.Key)).Select(e => $"{e.Key} ({e.Value})").ToList();
        Assert.True(missing.Count == 0, "Not-found codes emitted by the source but missing from ErrorCodes: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_registry_has_no_duplicate_and_only_snake_case_codes()
    {
        Assert.Equal(ErrorCodes.All.Count, ErrorCodes.All.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ErrorCodes.All, code => Assert.Matches("^[a-z]+(_[a-z]+)*$", code));
    }

    [Fact]
    public void The_README_error_table_lists_exactly_the_registry()
    {
        var readme = File.ReadAllLines(Path.Combine(Repository.Root, "README.md"));
        var header = Array.FindIndex(readme, line => line.StartsWith("| error | REST | gRPC | codes |", StringComparison.Ordinal));
        Assert.True(header >= 0, "README.md has no error table starting with '| error | REST | gRPC | codes |'.");

        var documented = readme.Skip(header + 2)
            .TakeWhile(line => line.StartsWith('|'))
            .SelectMany(line => BacktickedCode().Matches(line.Split('|', StringSplitOptions.RemoveEmptyEntries)[^1]).Select(m => m.Groups[1].Value))
            .ToList();

        Assert.Equal(ErrorCodes.All.Order(StringComparer.Ordinal), documented.Distinct().Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Every code the source passes to an error, by the shapes the call sites have: a <c>DomainException</c>'s kind
    /// then code, a <c>ValidationException</c>'s errors then code, a <c>NotFoundException</c>'s resource (the code is
    /// <c>&lt;resource&gt;_not_found</c>), a status then code in the Api's own problem and gRPC writers, and constants.
    /// </summary>
    private static (Dictionary<string, string> Literals, HashSet<string> Constants) CodesInSource()
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var constants = new HashSet<string>(StringComparer.Ordinal);
        var sources = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin" or "Migrations"))
            .Where(path => Path.GetFileName(path) != "ErrorCodes.cs");
        foreach (var path in sources)
        {
            var text = File.ReadAllText(path);
            var where = Path.GetRelativePath(Repository.Root, path);
            foreach (var (regex, suffix) in CodePatterns)
            {
                foreach (Match match in regex.Matches(text))
                {
                    // A code built at run time cannot be checked against the registry. The one allowed is NotFoundException's
                    // own, whose resource names the NotFoundException pattern collects at each call site.
                    Assert.False(match.Groups["interpolated"].Success && match.Groups["interpolated"].Value != NotFoundCode,
                        $"{where}: an error code built at run time ({match.Groups["interpolated"].Value}); use an ErrorCodes constant.");
                    if (match.Groups["code"].Success)
                    {
                        found.TryAdd(match.Groups["code"].Value + suffix, where);
                    }

                    if (match.Groups["constant"].Success)
                    {
                        constants.Add(match.Groups["constant"].Value);
                    }
                }
            }
        }

        return (found, constants);
    }

    private const string NotFoundCode = "$\"{resource}_not_found\"";

    /// <summary>
    /// Where a code stands in each call-site shape; CODE is an ErrorCodes constant, a string literal (refused but for a
    /// NotFoundException's resource), or an interpolated string (refused).
    /// </summary>
    private static readonly (Regex Regex, string Suffix)[] CodePatterns =
    [
        (Shape(@"ErrorKind\.\w+\s*,\s*CODE\s*[,)]"), string.Empty),
        (Shape(@"CODE\s*,\s*ErrorKind\.\w+"), string.Empty),
        (Shape(@"ValidationException\(\s*(?:errors|\[[^;]*?\])\s*,\s*CODE\s*[,)]"), string.Empty),
        (Shape(@"string\s+code\s*=\s*CODE"), string.Empty),
        (Shape(@"NotFoundException\(\s*CODE\s*,"), "_not_found"),
        (Shape(@"(?:StatusCodes\.Status\d{3}\w*|\.StatusCode|StatusCode\.[A-Z]\w*)\s*,\s*CODE\s*,"), string.Empty),
        (Shape(@"Status\d{3}\w*\s*=>\s*CODE\s*,"), string.Empty),
        (Shape(@"ErrorCodeTrailer\s*,\s*CODE\s*\}"), string.Empty),
        (Shape(@"const\s+string\s+Code\s*=\s*CODE\s*;"), string.Empty),
    ];

    private static Regex Shape(string pattern) =>
        new(pattern.Replace("CODE", @"(?:""(?<code>[a-z][a-z_]*)""|(?<interpolated>\$""[^""]*"")|ErrorCodes\.(?<constant>\w+))", StringComparison.Ordinal));

    [GeneratedRegex("`([a-z][a-z_]*)`")]
    private static partial Regex BacktickedCode();
}
