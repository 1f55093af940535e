using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Portal.Domain.Text;

namespace Portal.Web.Data;

/// <summary>How a stored string property is cleaned on save.</summary>
public enum StoredTextKind
{
    /// <summary>Not cleaned: a framework's own value, or marked <see cref="VerbatimTextAttribute"/>.</summary>
    Verbatim,
    /// <summary><see cref="UserText.SingleLine"/>: the default for the portal's own string properties.</summary>
    SingleLine,
    /// <summary><see cref="UserText.MultiLine"/>: properties marked <see cref="MultiLineTextAttribute"/>.</summary>
    MultiLine,
}

/// <summary>
/// The one place where text reaches the database: <see cref="PortalDbContext"/> calls <see cref="Clean"/> on every save, so no
/// path (a form, an import, an upload's name, a background job) can store control or invisible characters. A property of a
/// portal entity is cleaned as a single line unless marked <see cref="MultiLineTextAttribute"/>, and not at all when it or its
/// entity is marked <see cref="VerbatimTextAttribute"/>. Properties declared by the framework (ASP.NET Core Identity's
/// password hash, security and concurrency stamps, user names, tokens) are the framework's and never touched.
/// </summary>
public static class StoredText
{
    private static readonly ConcurrentDictionary<(PropertyInfo Property, Type Entity), StoredTextKind> Kinds = new();

    /// <summary>Cleans the string values this save writes: every one of an added row, the modified ones of a changed row.</summary>
    /// <remarks>
    /// Values a save does not write stay as they are, so an edit of one field never widens into an update (and an audit
    /// entry) of others; values stored before this rule are cleaned when they are next written, and on export.
    /// </remarks>
    public static void Clean(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is not string value) continue;
                if (entry.State == EntityState.Modified && !property.IsModified) continue;
                var cleaned = KindOf(property.Metadata) switch
                {
                    StoredTextKind.SingleLine => UserText.SingleLine(value),
                    StoredTextKind.MultiLine => UserText.MultiLine(value),
                    _ => value,
                };
                if (!string.Equals(cleaned, value, StringComparison.Ordinal)) property.CurrentValue = cleaned;
            }
        }
    }

    /// <summary>How the property's values are cleaned (shadow and framework properties: not at all).</summary>
    public static StoredTextKind KindOf(IReadOnlyProperty property) =>
        property.PropertyInfo is { } info && info.PropertyType == typeof(string)
            ? Kinds.GetOrAdd((info, property.DeclaringType.ClrType), static key => Classify(key.Property, key.Entity))
            : StoredTextKind.Verbatim;

    private static StoredTextKind Classify(PropertyInfo property, Type entity)
    {
        if (!IsPortalType(property.DeclaringType) || !IsPortalType(entity)) return StoredTextKind.Verbatim;
        if (property.IsDefined(typeof(VerbatimTextAttribute)) || entity.IsDefined(typeof(VerbatimTextAttribute))) return StoredTextKind.Verbatim;
        return property.IsDefined(typeof(MultiLineTextAttribute)) ? StoredTextKind.MultiLine : StoredTextKind.SingleLine;
    }

    private static bool IsPortalType(Type? type) => type?.Namespace?.StartsWith("Portal.", StringComparison.Ordinal) ?? false;
}
