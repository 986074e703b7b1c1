namespace CampWater.Testing;

/// <summary>How <see cref="DotnetHostProcess"/> runs a built .NET program.</summary>
public sealed record DotnetHostOptions
{
    /// <summary>The program's .dll, run with <c>dotnet exec</c>; <see cref="RepoPaths.SiloDll"/> for the silo.</summary>
    public required string DllPath { get; init; }

    /// <summary>Command-line arguments after the .dll, such as ["--CampWater:Storage:Provider=redis"].</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Set on top of the test process's environment; a null value removes a variable.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>
    /// A URL that answers 200 once the program serves, such as http://127.0.0.1:{port}/health/ready.
    /// Without one the program counts as started as soon as it runs.
    /// </summary>
    public string? ReadyUrl { get; init; }

    /// <summary>Defaults to the .dll's folder, so that files copied to the output are found.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Names the process in messages; defaults to the .dll's name.</summary>
    public string? Name { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(15);
}
