namespace Portal.Testing;

/// <summary>The files of the clone the tests were built from, for tests about the repository itself (README, sources).</summary>
public static class RepositoryFiles
{
    /// <summary>
    /// The clone's root: above the test binaries, or (built with --artifacts-path, which puts them outside the clone)
    /// above this source file or the working directory.
    /// </summary>
    public static string Root()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, SourceDirectory(), Environment.CurrentDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Portal.sln"))) return dir.FullName;
        throw new InvalidOperationException("Repository root (Portal.sln) not found");
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
