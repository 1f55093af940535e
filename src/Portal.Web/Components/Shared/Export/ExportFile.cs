using System.Text;

namespace Portal.Web.Components.Shared.Export;

/// <summary>Reads the <c>format</c> query value and answers an export as a download with the right type and file name.</summary>
public static class ExportFile
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>"csv" or "docx", case-insensitive. Anything else (including numbers Enum.TryParse would accept) is refused.</summary>
    public static bool TryParseFormat(string? value, out ExportFormat format)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "csv":
                format = ExportFormat.Csv;
                return true;
            case "docx":
                format = ExportFormat.Docx;
                return true;
            default:
                format = default;
                return false;
        }
    }

    /// <summary>The format as the <c>format</c> query value that <see cref="TryParseFormat"/> reads.</summary>
    public static string QueryValue(ExportFormat format) => format switch
    {
        ExportFormat.Csv => "csv",
        ExportFormat.Docx => "docx",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>
    /// The file as a download. The name goes out in Content-Disposition both as an ASCII fallback and as RFC 5987
    /// <c>filename*=UTF-8''…</c>, so browsers save "需求清单-20261123.docx" with its Chinese name.
    /// </summary>
    public static IResult Result(ExportTable table, ExportFormat format, string fileBaseName) => format switch
    {
        ExportFormat.Csv => Results.File(ExportWriter.ToCsv(table), CsvContentType, FileName(fileBaseName, ".csv")),
        ExportFormat.Docx => Results.File(ExportWriter.ToDocx(table), DocxContentType, FileName(fileBaseName, ".docx")),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>Characters that file systems or the header would choke on are replaced; an empty name becomes "export".</summary>
    internal static string FileName(string baseName, string extension)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['\\', '/', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var sb = new StringBuilder();
        foreach (var c in baseName ?? string.Empty)
            sb.Append(invalid.Contains(c) || char.IsControl(c) ? '_' : c);
        var name = sb.ToString().Trim().Trim('.');
        if (name.Length > 120) name = name[..120];
        return (name.Length == 0 ? "export" : name) + extension;
    }
}
