using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Web.Data.Interceptors;

namespace Portal.Web.Data;

public static class DataServiceExtensions
{
    /// <summary>
    /// Registers the database. The context factory is a singleton (contexts are created per operation, which
    /// suits Blazor circuits); the context itself is also available per request for ASP.NET Core Identity.
    /// </summary>
    public static void AddPortalData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddSingleton(options);
        var connectionString = ResolveConnectionString(options, builder.Environment.ContentRootPath);
        builder.Services.AddDbContextFactory<PortalDbContext>((services, db) =>
        {
            Configure(db, options.Provider, connectionString);
            // Interceptors the host adds (a test's failing commit, for one) run after the data layer's own.
            db.AddInterceptors(services.GetServices<IInterceptor>());
        });
        builder.Services.AddScoped<DatabaseInitializer>();
    }

    public static void Configure(DbContextOptionsBuilder db, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.PostgreSQL:
                db.UseNpgsql(connectionString);
                break;
            default:
                db.UseSqlite(connectionString);
                db.AddInterceptors(SqlitePragmaInterceptor.Instance);
                break;
        }
        db.AddInterceptors(LiveHandOffInterceptor.Instance);
    }

    public static string ResolveConnectionString(DatabaseOptions options, string contentRoot)
    {
        if (options.Provider == DatabaseProvider.PostgreSQL)
        {
            return string.IsNullOrWhiteSpace(options.ConnectionString)
                ? throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is PostgreSQL.")
                : options.ConnectionString;
        }
        var directory = Path.IsPathRooted(options.DataDirectory) ? options.DataDirectory : Path.Combine(contentRoot, options.DataDirectory);
        Directory.CreateDirectory(directory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, options.SqliteFileName),
            Pooling = true,
        }.ToString();
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
    }
}
