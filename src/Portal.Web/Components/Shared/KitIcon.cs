using System.Reflection;
using MudBlazor;

namespace Portal.Web.Components.Shared;

/// <summary>
/// The icon a kit component shows. Kit components take a MudBlazor icon (<c>Icons.Material.Outlined.…</c>, SVG markup);
/// pages may also pass the name of a Material icon (<c>how_to_vote</c>), as the home page's tiles do, which is turned
/// into the same MudBlazor icon here (the portal loads no icon font).
/// </summary>
public static class KitIcon
{
    /// <summary>Shown for a name that no Material icon has, rather than the name as text.</summary>
    public const string Fallback = Icons.Material.Outlined.Widgets;

    public static string Of(string? icon)
    {
        if (string.IsNullOrWhiteSpace(icon)) return Fallback;
        if (icon.TrimStart().StartsWith('<')) return icon;
        var name = string.Concat(icon.Trim().Split('_', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
        return Named(typeof(Icons.Material.Outlined), name) ?? Named(typeof(Icons.Material.Filled), name) ?? Fallback;
    }

    private static string? Named(Type icons, string name) =>
        icons.GetField(name, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string;
}
