using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Data;

/// <summary>
/// The target model of a migration as EF Design writes it (<c>BuildTargetModel</c>), made provider-neutral: the model
/// is built on SQLite, so its store types (<c>TEXT</c>, <c>INTEGER</c>) are left out and each provider maps the CLR
/// types itself, as our migrations do (decision 0003). Otherwise PostgreSQL would take a <c>DateTime</c> column of an
/// operation that names no type for <c>TEXT</c>.
/// </summary>
internal static partial class TargetModel
{
    public static string Generate(PortalDbContext db, string migrationId, string className)
    {
#pragma warning disable EF1001 // EF Design's service builder is "internal" API; the tool pins the EF version it was written for.
        var services = new DesignTimeServicesBuilder(typeof(PortalDbContext).Assembly, typeof(PortalDbContext).Assembly, new OperationReporter(null), [])
            .Build(db);
#pragma warning restore EF1001
        var generator = services.GetRequiredService<IMigrationsCodeGeneratorSelector>().Select(language: null);
        var model = db.GetService<IDesignTimeModel>().Model;
        var code = generator.GenerateMetadata(typeof(PortalDbContext).Namespace + ".Migrations", typeof(PortalDbContext), className, migrationId, model);
        return StoreType().Replace(code, "");
    }

    // A line of its own (".HasColumnType(\"TEXT\")") or the tail of one ("b.Property<int>(\"Id\").HasColumnType(\"INTEGER\");").
    [GeneratedRegex("""(\r?\n\s*)?\.HasColumnType\("[^"]*"\)""")]
    private static partial Regex StoreType();
}
