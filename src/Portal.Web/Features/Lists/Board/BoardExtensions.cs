namespace Portal.Web.Features.Lists.Board;

public static class BoardExtensions
{
    /// <summary>The public board; its page calls the service directly (no HTTP API of its own).</summary>
    public static IServiceCollection AddPortalBoard(this IServiceCollection services)
    {
        services.AddScoped<BoardService>();
        return services;
    }
}
