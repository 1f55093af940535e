using MudBlazor;

namespace Portal.Web.Components.Layout;

/// <summary>
/// The portal's one MudBlazor theme (design brief: Party red, white on red in the app bar, sienna for secondary
/// actions, Chinese type first, light theme). portal.css repeats the primary colours for what is not a MudBlazor
/// component (the server-rendered sign-in pages, the reconnect box).
/// </summary>
public static class PortalTheme
{
    public const string PartyRed = "#c62828";
    public const string PartyRedDark = "#b71c1c";
    public const string Sienna = "#a0522d";

    /// <summary>Chinese faces first: Latin-first stacks give Chinese text a fallback face with other metrics.</summary>
    public static readonly string[] FontFamily =
        ["Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "sans-serif"];

    public static MudTheme Theme { get; } = Create();

    private static MudTheme Create() => new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = PartyRed,
            PrimaryDarken = PartyRedDark,
            PrimaryLighten = "#e53935",
            PrimaryContrastText = "#ffffff",
            Secondary = Sienna,
            SecondaryContrastText = "#ffffff",
            // Gold only as a small accent (the star).
            Tertiary = "#c9a227",
            AppbarBackground = PartyRed,
            AppbarText = "#ffffff",
            Background = "#f6f6f8",
            // Status colours mean the same everywhere: raised blue, in progress amber, overdue red, done green.
            Info = "#1565c0",
            Warning = "#ef8f00",
            Error = PartyRedDark,
            Success = "#2e7d32",
        },
        // Chinese needs more line height than Latin and no letter-spacing; headings differ by size and weight only.
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontFamily, FontSize = "0.9375rem", LineHeight = "1.7", LetterSpacing = "normal" },
            H1 = new H1Typography { FontFamily = FontFamily, FontSize = "1.75rem", FontWeight = "600", LineHeight = "1.4", LetterSpacing = "normal" },
            H2 = new H2Typography { FontFamily = FontFamily, FontSize = "1.5rem", FontWeight = "600", LineHeight = "1.4", LetterSpacing = "normal" },
            H3 = new H3Typography { FontFamily = FontFamily, FontSize = "1.3125rem", FontWeight = "600", LineHeight = "1.5", LetterSpacing = "normal" },
            H4 = new H4Typography { FontFamily = FontFamily, FontSize = "1.1875rem", FontWeight = "600", LineHeight = "1.5", LetterSpacing = "normal" },
            H5 = new H5Typography { FontFamily = FontFamily, FontSize = "1.0625rem", FontWeight = "600", LineHeight = "1.6", LetterSpacing = "normal" },
            H6 = new H6Typography { FontFamily = FontFamily, FontSize = "1rem", FontWeight = "600", LineHeight = "1.6", LetterSpacing = "normal" },
            Subtitle1 = new Subtitle1Typography { FontFamily = FontFamily, FontSize = "1rem", FontWeight = "500", LineHeight = "1.7", LetterSpacing = "normal" },
            Subtitle2 = new Subtitle2Typography { FontFamily = FontFamily, FontSize = "0.9375rem", FontWeight = "500", LineHeight = "1.7", LetterSpacing = "normal" },
            Body1 = new Body1Typography { FontFamily = FontFamily, FontSize = "1rem", LineHeight = "1.7", LetterSpacing = "normal" },
            Body2 = new Body2Typography { FontFamily = FontFamily, FontSize = "0.9375rem", LineHeight = "1.7", LetterSpacing = "normal" },
            // Chinese has no capitals: Material's upper-case buttons would only shout at the English texts.
            Button = new ButtonTypography { FontFamily = FontFamily, FontSize = "0.9375rem", FontWeight = "500", LineHeight = "1.75", LetterSpacing = "normal", TextTransform = "none" },
            Caption = new CaptionTypography { FontFamily = FontFamily, FontSize = "0.8125rem", LineHeight = "1.6", LetterSpacing = "normal" },
            Overline = new OverlineTypography { FontFamily = FontFamily, FontSize = "0.8125rem", LineHeight = "1.6", LetterSpacing = "normal", TextTransform = "none" },
        },
        LayoutProperties = new LayoutProperties
        {
            DrawerWidthLeft = "248px",
            AppbarHeight = "56px",
        },
    };
}
