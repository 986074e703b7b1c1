using System.Text.RegularExpressions;
using CampWater.Testing;

namespace CampWater.Deployment;

/// <summary>The two Dockerfiles, read as the instructions Docker runs (there is no Docker engine to build them here).</summary>
public sealed partial class DockerfileTests
{
    [Theory]
    [InlineData("Silo/Dockerfile", "Silo/CampWater.Silo.csproj")]
    [InlineData("Dashboard/Dockerfile", "Dashboard/Host/CampWater.Dashboard.Host.csproj")]
    public void It_builds_in_the_SDK_image_and_runs_the_published_program_in_the_runtime_image_as_a_user_with_a_health_check(
        string dockerfile, string project)
    {
        var instructions = Read(dockerfile);
        var stages = instructions.Where(i => i.Keyword == "FROM").ToList();

        Assert.Equal(2, stages.Count);
        Assert.Matches(@"^mcr\.microsoft\.com/dotnet/sdk:10\.0 AS \w+$", stages[0].Arguments);
        Assert.Matches(@"^mcr\.microsoft\.com/dotnet/aspnet:10\.0( AS \w+)?$", stages[1].Arguments);
        Assert.Contains(instructions, i => i.Keyword == "RUN" && i.Arguments.Contains($"dotnet publish {project}", StringComparison.Ordinal));

        var runtime = instructions.SkipWhile(i => i != stages[1]).ToList();
        var user = Assert.Single(runtime, i => i.Keyword == "USER");
        Assert.DoesNotMatch(@"^(root|0)(:|$)", user.Arguments);
        var entrypoint = Assert.Single(runtime, i => i.Keyword == "ENTRYPOINT");
        Assert.Equal($"[\"dotnet\", \"{Path.GetFileNameWithoutExtension(project)}.dll\"]", entrypoint.Arguments);
        var healthcheck = Assert.Single(runtime, i => i.Keyword == "HEALTHCHECK");
        Assert.EndsWith("CMD [\"http-health\", \"/health/live\"]", healthcheck.Arguments, StringComparison.Ordinal);
        Assert.Contains(runtime, i => i.Keyword == "COPY" && i.Arguments == "deploy/http-health.sh /usr/local/bin/http-health");
        // USER comes after everything that needs root (the chmod) and before the program starts.
        Assert.True(runtime.IndexOf(user) > runtime.FindLastIndex(i => i.Keyword == "RUN"));
        Assert.Contains(runtime, i => i.Keyword == "ENV" && i.Arguments.Contains("Urls=http://+:8080", StringComparison.Ordinal));
    }

    [Fact]
    public void Everything_the_silo_image_copies_from_the_repository_is_there_and_not_kept_out_by_dockerignore()
    {
        var ignored = File.ReadAllLines(Path.Combine(RepoPaths.Root, ".dockerignore"))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();
        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains(".git", ignored);
        Assert.Contains(".env", ignored);

        var copies = Read("Silo/Dockerfile")
            .Where(i => i.Keyword == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal))
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1])
            .Where(source => source != ".")
            .ToList();
        Assert.NotEmpty(copies);
        foreach (var source in copies)
        {
            Assert.True(File.Exists(Path.Combine(RepoPaths.Root, source)), $"Silo/Dockerfile copies {source}, which does not exist.");
            Assert.DoesNotContain(ignored, pattern => source.StartsWith(pattern.TrimStart('*', '/').TrimEnd('/') + "/", StringComparison.Ordinal) || source == pattern);
        }
    }

    private static List<Instruction> Read(string relativePath)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, relativePath));
        // Continuation lines join their instruction; comments go.
        var joined = ContinuationPattern().Replace(text, " ");
        return [.. joined.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line =>
            {
                var space = line.IndexOf(' ', StringComparison.Ordinal);
                return new Instruction(line[..space].ToUpperInvariant(), WhitespacePattern().Replace(line[(space + 1)..].Trim(), " "));
            })];
    }

    [GeneratedRegex(@"\\\r?\n(\s*#[^\n]*\n)*")]
    private static partial Regex ContinuationPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();

    private sealed record Instruction(string Keyword, string Arguments);
}
