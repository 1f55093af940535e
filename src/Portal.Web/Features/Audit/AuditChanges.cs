using System.Text.Json;

namespace Portal.Web.Features.Audit;

/// <summary>One changed property of an audit entry. A missing side (e.g. no old value on create) is null with its Has flag false.</summary>
public sealed record AuditChange(string Property, bool HasOld, string? Old, bool HasNew, string? New);

/// <summary>Reads the JSON of <see cref="Domain.Auditing.AuditEntry.Changes"/> (property → {"old":…, "new":…}) for display and export.</summary>
public static class AuditChanges
{
    public static IReadOnlyList<AuditChange> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return [];
            var result = new List<AuditChange>();
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Object)
                {
                    result.Add(new AuditChange(property.Name, false, null, true, Show(property.Value)));
                    continue;
                }
                var hasOld = property.Value.TryGetProperty("old", out var old);
                var hasNew = property.Value.TryGetProperty("new", out var @new);
                result.Add(new AuditChange(property.Name, hasOld, hasOld ? Show(old) : null, hasNew, hasNew ? Show(@new) : null));
            }
            return result;
        }
        catch (JsonException)
        {
            // Entries are append-only and were written by this code; a malformed one is still shown, as raw text.
            return [new AuditChange("?", false, null, true, json)];
        }
    }

    /// <summary>One line per change, "Property: old → new", for the CSV export.</summary>
    public static string Summarize(string? json) =>
        string.Join("; ", Parse(json).Select(c => c switch
        {
            { HasOld: true, HasNew: true } => $"{c.Property}: {c.Old ?? "∅"} → {c.New ?? "∅"}",
            { HasNew: true } => $"{c.Property}: {c.New ?? "∅"}",
            _ => $"{c.Property}: {c.Old ?? "∅"} → ∅",
        }));

    private static string? Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };
}
