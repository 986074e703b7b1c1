using System.Text.RegularExpressions;

namespace CampWater.Readme;

/// <summary>The shell blocks of the repository's README.md (fenced as <c>```sh</c>), in order.</summary>
public static partial class ReadmeBlocks
{
    public static string Path => System.IO.Path.Combine(RepoPaths.Root, "README.md");

    public static IReadOnlyList<string> All { get; } = Read();

    /// <summary>The one block that <paramref name="matches"/>; a clear failure when the README has none or several.</summary>
    public static string Single(string what, Func<string, bool> matches)
    {
        var found = All.Where(matches).ToList();
        return found.Count switch
        {
            1 => found[0],
            0 => throw new InvalidOperationException($"README.md has no shell block for {what}; its blocks are:\n{string.Join("\n---\n", All)}"),
            _ => throw new InvalidOperationException($"README.md has {found.Count} shell blocks for {what}:\n{string.Join("\n---\n", found)}"),
        };
    }

    private static List<string> Read() =>
        [.. Block().Matches(File.ReadAllText(Path).ReplaceLineEndings("\n")).Select(m => m.Groups[1].Value.Trim())];

    [GeneratedRegex("^```sh\\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Block();
}
