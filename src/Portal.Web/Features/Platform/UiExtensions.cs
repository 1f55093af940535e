using MudBlazor;
using MudBlazor.Services;
using Portal.Web.Features.Localization;
using Radzen;

namespace Portal.Web.Features.Platform;

/// <summary>
/// The component libraries' services in one place. MudBlazor is the portal's library (decision 0019); Radzen stays
/// registered only until the last slice has moved off it, then this method loses its two Radzen lines.
/// The bUnit tests call this same method, so components render there as they do in the app.
/// </summary>
public static class UiExtensions
{
    public static IServiceCollection AddPortalUi(this IServiceCollection services)
    {
        services.AddMudServices(o =>
        {
            // Bottom centre is under the thumb on a phone and out of the app bar's way on a desk.
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomCenter;
            o.SnackbarConfiguration.PreventDuplicates = true;
            o.SnackbarConfiguration.ShowCloseIcon = true;
            o.SnackbarConfiguration.VisibleStateDuration = 6000;
        });
        // MudBlazor's built-in texts are English; this gives every Mud component its Chinese texts in one place.
        services.AddTransient<MudLocalizer, MudTextLocalizer>();

        services.AddRadzenComponents();
        // Radzen's built-in texts are English; this gives every Radzen component its Chinese texts in one place.
        services.AddSingleton<Radzen.ILocalizer, RadzenLocalizer>();
        return services;
    }
}
