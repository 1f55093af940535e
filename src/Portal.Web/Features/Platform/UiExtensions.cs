using MudBlazor;
using MudBlazor.Services;
using Portal.Web.Features.Localization;

namespace Portal.Web.Features.Platform;

/// <summary>
/// The component library's services in one place: MudBlazor (decision 0019), with its texts in Chinese.
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
        return services;
    }
}
