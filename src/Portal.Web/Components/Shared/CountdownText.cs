namespace Portal.Web.Components.Shared;

/// <summary>
/// The countdown's text: time left as "m:ss" (whole seconds rounded up, so "0:00" means the box is used up), an overrun as
/// "+m:ss". The browser module (assets/js/countdown.js) formats the same way while it ticks; the councils' agenda
/// and the deliberation meetings' speech timer both show it.
/// </summary>
public static class CountdownText
{
    public static string Format(TimeSpan remaining)
    {
        var overrun = remaining < TimeSpan.Zero;
        var seconds = overrun
            ? (long)Math.Floor(-remaining.TotalMilliseconds / 1000)
            : (long)Math.Ceiling(remaining.TotalMilliseconds / 1000);
        return $"{(overrun ? "+" : "")}{seconds / 60}:{seconds % 60:00}";
    }
}
