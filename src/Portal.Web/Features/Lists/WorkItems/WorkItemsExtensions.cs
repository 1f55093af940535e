using Portal.Web.Data;
using Portal.Web.Data.Live;
using Portal.Web.Kit.Files;
using Portal.Web.Kit.Live;

namespace Portal.Web.Features.Lists.WorkItems;

public static class WorkItemsExtensions
{
    public static IServiceCollection AddPortalWorkItems(this IServiceCollection services)
    {
        services.AddScoped<WorkItemService>();
        services.AddSingleton<ILiveChannelRule, ListsChannelRule>();
        services.AddSingleton<ILiveEventMapper, WorkItemLiveEvents>();
        services.AddSingleton<WorkItemNotifier>();
        // The same instance handles the work items' steps in their transaction (decision 0023, "Handlers").
        services.AddSingleton<IDomainEventHandler>(sp => sp.GetRequiredService<WorkItemNotifier>());
        services.AddSingleton<IDomainEventHandler, CouncilTasksFromMinutes>();
        services.AddSingleton<IDomainEventHandler, DeliberationTasksFromNotices>();
        return services;
    }

    /// <summary>
    /// The list's export (<see cref="ListExportExtensions"/>), and the attachment download: the only way to an evidence
    /// file, and only for someone who may see its item (others get 404, so ids cannot be probed). Served as a download with
    /// the stored type, never sniffed by the browser.
    /// </summary>
    public static WebApplication MapPortalWorkItems(this WebApplication app)
    {
        app.MapGet("/api/lists/attachments/{id:int}", async (int id, WorkItemService items, HttpContext http, CancellationToken ct) =>
        {
            if (await items.OpenAttachmentAsync(id, ct) is not { } file) return Results.NotFound();
            return AttachmentStore.Serve(http, file.Path, file.ContentType, file.FileName);
        }).RequireAuthorization();
        app.MapPortalListsExport();
        return app;
    }
}
