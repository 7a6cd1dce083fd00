using System.Text;
using System.Text.RegularExpressions;

namespace SciaticaService.Api.Tests.Fixtures;

/// <summary>One shell command of a README <c>bash</c> block, with where it is and what its comments say it answers.</summary>
/// <param name="Line">The README line it starts on (1-based).</param>
/// <param name="Text">The command as written, over as many lines as it takes.</param>
/// <param name="BlockHasCurl">Whether its block calls the service with curl.</param>
/// <param name="ExpectedStatus">The HTTP status its comment documents (<c># 404 …</c>, <c>HTTP/1.1 304</c>, <c>"status":400</c>); null for success.</param>
public sealed record ReadmeCommand(int Line, string Text, bool BlockHasCurl, int? ExpectedStatus)
{
    /// <summary>The command's code, without its comments.</summary>
    public string Code => ReadmeShell.WithoutComments(Text);

    public bool CallsCurl => Regex.IsMatch(Code, @"(^|[\s|;(])curl\s");

    /// <summary>The program it runs after any leading <c>NAME=value</c> assignments, or null for assignments alone.</summary>
    public string? Program => ReadmeShell.Words(Code).SkipWhile(ReadmeShell.IsAssignment).FirstOrDefault();

    /// <summary>The <c>NAME=value</c> assignments it starts with.</summary>
    public IEnumerable<(string Name, string Value)> Assignments => ReadmeShell.Words(Code).TakeWhile(ReadmeShell.IsAssignment)
        .Select(word => (word[..word.IndexOf('=', StringComparison.Ordinal)], word[(word.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim('"', '\'')));
}

/// <summary>
/// Reads the README's <c>bash</c> blocks as a shell would split them into commands: quotes, <c>$( … )</c>, line
/// continuations, pipes at a line's end and <c>for … done</c> keep a command going; a comment ends a line.
/// </summary>
public static partial class ReadmeShell
{
    public static IReadOnlyList<ReadmeCommand> Commands(string[] readme)
    {
        var commands = new List<ReadmeCommand>();
        for (var i = 0; i < readme.Length; i++)
        {
            if (readme[i].Trim() != "```bash")
            {
                continue;
            }

            var start = i + 1;
            var end = Array.FindIndex(readme, start, line => line.Trim() == "```");
            var block = readme[start..end];
            var hasCurl = block.Any(line => Regex.IsMatch(WithoutComments(line), @"(^|[\s|;(])curl\s"));
            commands.AddRange(Split(block, start + 1, hasCurl));
            i = end;
        }

        return commands;
    }

    private static List<ReadmeCommand> Split(string[] block, int firstLine, bool hasCurl)
    {
        var commands = new List<ReadmeCommand>();
        var state = new ScanState();
        var text = new StringBuilder();
        var startLine = 0;
        for (var i = 0; i < block.Length; i++)
        {
            var line = block[i];
            if (text.Length == 0 && (line.TrimStart().StartsWith('#') || string.IsNullOrWhiteSpace(line)))
            {
                continue;
            }

            if (text.Length == 0)
            {
                startLine = firstLine + i;
            }

            text.AppendLine(line);
            var code = Scan(line, state);
            var trimmed = code.TrimEnd();
            var continues = state.InSingleQuotes || state.Open.Count > 0 || state.Compound > 0
                || trimmed.EndsWith('\\') || trimmed.EndsWith('|') || trimmed.EndsWith("&&", StringComparison.Ordinal);
            if (continues)
            {
                continue;
            }

            // The comment on the command's last line, then any comment-only lines right after it, document its outcome.
            var comments = new List<string> { line[code.Length..] };
            comments.AddRange(block.Skip(i + 1).TakeWhile(l => l.TrimStart().StartsWith('#')));
            commands.Add(new ReadmeCommand(startLine, text.ToString().TrimEnd(), hasCurl, ExpectedStatus(comments)));
            text.Clear();
        }

        if (text.Length > 0)
        {
            throw new InvalidOperationException($"README line {startLine}: a command that never ends (an open quote, parenthesis or loop).");
        }

        return commands;
    }

    private static int? ExpectedStatus(IEnumerable<string> comments)
    {
        foreach (var comment in comments.Select(c => c.TrimStart().TrimStart('#').Trim()))
        {
            var match = DocumentedStatus().Match(comment);
            if (match.Success)
            {
                return int.Parse(match.Groups["status"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    /// <summary>The part of a line before its comment, tracking quotes and nesting across lines in <paramref name="state"/>.</summary>
    private static string Scan(string line, ScanState state)
    {
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (state.InSingleQuotes)
            {
                state.InSingleQuotes = c != '\'';
                continue;
            }

            if (c == '\\')
            {
                i++;
                continue;
            }

            if (state.Open.TryPeek(out var top) && top == '"')
            {
                if (c == '"')
                {
                    state.Open.Pop();
                }
                else if (c == '$' && i + 1 < line.Length && line[i + 1] == '(')
                {
                    state.Open.Push('(');
                    i++;
                }

                continue;
            }

            switch (c)
            {
                case '\'':
                    state.InSingleQuotes = true;
                    continue;
                case '"' or '(':
                    state.Open.Push(c);
                    continue;
                case ')':
                    state.Open.TryPop(out _);
                    continue;
                case '#' when i == 0 || char.IsWhiteSpace(line[i - 1]):
                    return line[..i];
            }

            if (state.Open.Count == 0 && char.IsLetter(c) && (i == 0 || !char.IsLetterOrDigit(line[i - 1])))
            {
                var word = Regex.Match(line[i..], @"^[a-z]+\b").Value;
                var atCommandStart = string.IsNullOrWhiteSpace(line[..i]) || Regex.IsMatch(line[..i], @"(;|\bdo|\bthen)\s*$");
                if (atCommandStart && word is "for" or "while" or "until" or "if")
                {
                    state.Compound++;
                }
                else if (atCommandStart && word is "done" or "fi")
                {
                    state.Compound--;
                }
            }
        }

        return line;
    }

    public static string WithoutComments(string text)
    {
        var state = new ScanState();
        return string.Join('\n', text.Split('\n').Select(line => Scan(line, state)));
    }

    /// <summary>Whitespace-separated words, quotes kept together; enough to find assignments and the program.</summary>
    public static IEnumerable<string> Words(string code) =>
        ShellWord().Matches(code).Select(m => m.Value);

    public static bool IsAssignment(string word) => AssignmentWord().IsMatch(word);

    [GeneratedRegex("""(?:"[^"]*"|'[^']*'|[^\s"'])+""")]
    private static partial Regex ShellWord();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*=")]
    private static partial Regex AssignmentWord();

    [GeneratedRegex(@"^(?<status>[1-5]\d\d)\b|HTTP/[\d.]+ (?<status>[1-5]\d\d)\b|""status"":\s*(?<status>[1-5]\d\d)\b")]
    private static partial Regex DocumentedStatus();

    private sealed class ScanState
    {
        public bool InSingleQuotes { get; set; }

        /// <summary>Open double quotes and parentheses (subshells, <c>$( … )</c>), innermost on top.</summary>
        public Stack<char> Open { get; } = new();

        public int Compound { get; set; }
    }
}
