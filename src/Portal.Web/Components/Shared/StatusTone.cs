using MudBlazor;

namespace Portal.Web.Components.Shared;

/// <summary>
/// What a status's colour means, the same everywhere in the portal (design brief, decision 0019): each slice maps its
/// own statuses to one of these and <see cref="StatusChip"/> turns it into the theme's colour, so the meaning of a
/// colour is decided here only.
/// </summary>
public enum StatusTone
{
    /// <summary>Closed, cancelled, withdrawn: nothing more will happen (grey).</summary>
    Neutral,
    /// <summary>New, raised, waiting for its turn (blue).</summary>
    Info,
    /// <summary>Under way, or needing someone's attention soon (amber).</summary>
    Warning,
    /// <summary>Done, handled, accepted (green).</summary>
    Success,
    /// <summary>Overdue, refused, failed, disabled (red).</summary>
    Error,
}

public static class StatusTones
{
    /// <summary>The theme colour of a tone (the palette in <c>PortalTheme</c> gives each its shade).</summary>
    public static Color ColorOf(StatusTone tone) => tone switch
    {
        StatusTone.Info => Color.Info,
        StatusTone.Warning => Color.Warning,
        StatusTone.Success => Color.Success,
        StatusTone.Error => Color.Error,
        _ => Color.Default,
    };
}
