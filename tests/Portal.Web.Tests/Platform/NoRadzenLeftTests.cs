using Portal.Testing;
using System.Text.RegularExpressions;

namespace Portal.Web.Tests.Platform;

/// <summary>
/// Issue 11: MudBlazor replaced Radzen everywhere (decision 0019). Nothing of the old library may creep back into the
/// product: no package, no component, no CSS class or variable, no script or stylesheet, not even its name.
/// </summary>
public sealed partial class NoRadzenLeftTests
{
    [Fact]
    public void No_file_of_the_product_names_Radzen_or_uses_its_classes()
    {
        var root = RepositoryFiles.Root();
        var files = Directory.EnumerateFiles(Path.Combine(root, "src"), "*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "wwwroot-assets", "src"), "*", SearchOption.AllDirectories))
            .Append(Path.Combine(root, "Directory.Packages.props"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}wwwroot{Path.DirectorySeparatorChar}lib{Path.DirectorySeparatorChar}"))
            .Where(f => Path.GetExtension(f) is ".cs" or ".razor" or ".css" or ".js" or ".csproj" or ".props" or ".resx" or ".json" or ".cshtml" or ".html");

        var found = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(root, f), Line: i + 1, Text: line)))
            .Where(l => RadzenTrace().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(found.Count == 0, "Radzen is still named or used:\n" + string.Join('\n', found.Take(40)));
    }

    // The name in any case, a Radzen CSS class (rz-…) or variable (--rz-…).
    [GeneratedRegex(@"radzen|(?<![\w-])-{0,2}rz-[a-z]", RegexOptions.IgnoreCase)]
    private static partial Regex RadzenTrace();
}
