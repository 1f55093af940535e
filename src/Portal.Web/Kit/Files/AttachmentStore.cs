using System.Text;
using Portal.Domain.Text;
using Portal.Domain.WorkItems;
using Portal.Web.Data;
using Portal.Web.Kit.Results;

namespace Portal.Web.Kit.Files;

/// <summary>
/// An uploaded file before it is checked: its name as the browser sent it, its bytes and its size. A chosen file the page
/// does not read (<see cref="Unread"/>) is passed on with its size and no content, so the service refuses the step with
/// that file's message, or with the limit of files, rather than the step saving without it.
/// </summary>
public sealed record AttachmentUpload(string FileName, byte[] Content)
{
    public long Size { get; init; } = Content.Length;

    /// <summary>
    /// A chosen file the page did not read: larger than <see cref="Attachment.MaxBytes"/>, or one of more files than
    /// <see cref="Attachment.MaxFilesPerStep"/>.
    /// </summary>
    public static AttachmentUpload Unread(string fileName, long size) => new(fileName, []) { Size = size };
}

/// <summary>
/// The one way to store an uploaded file (work items' evidence, ballots' scans, signature photos and proxy
/// authorizations): checks and stores it under &lt;Database:DataDirectory&gt;/attachments. A file is accepted only when its
/// extension is allowed AND its first bytes are what that type starts with, so a renamed script or HTML page is refused.
/// Files are stored by a fresh GUID name: the uploaded name is only cleaned for display and never reaches the file system.
/// Singleton.
/// </summary>
public sealed class AttachmentStore
{
    public const string ErrorType = "Attachment.Error.Type";
    public const string ErrorSize = "Attachment.Error.Size";
    public const string ErrorEmpty = "Attachment.Error.Empty";

    private readonly string _directory;

    public AttachmentStore(IConfiguration configuration, IWebHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var data = Path.IsPathRooted(options.DataDirectory) ? options.DataDirectory : Path.Combine(environment.ContentRootPath, options.DataDirectory);
        _directory = Path.GetFullPath(Path.Combine(data, "attachments"));
    }

    public string Directory => _directory;

    /// <summary>The error key of an upload, or null with its display name and content type when it may be stored.</summary>
    public static (string? Error, string DisplayName, string ContentType) Check(AttachmentUpload upload)
    {
        var name = SanitizeFileName(upload.FileName);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        // Size first: a file the page did not read because of its size comes with its size and no content.
        if (Math.Max(upload.Size, upload.Content.Length) > Attachment.MaxBytes) return (ErrorSize, name, "");
        if (upload.Content.Length == 0) return (ErrorEmpty, name, "");
        if (!Attachment.AllowedTypes.TryGetValue(extension, out var contentType) || !StartsLike(contentType, upload.Content))
            return (ErrorType, name, "");
        return (null, name, contentType);
    }

    /// <summary>
    /// What is wrong with the files of one step, or null: more than <see cref="Attachment.MaxFilesPerStep"/> (whatever the
    /// files hold), else the first file's own problem, naming it. The service refuses a step with it; the page shows it
    /// as soon as the files are chosen.
    /// </summary>
    public static Message? Problem(IReadOnlyCollection<AttachmentUpload> files)
    {
        if (files.Count > Attachment.MaxFilesPerStep) return Message.Of<FilesText>("Attachment.Error.TooMany", Attachment.MaxFilesPerStep);
        return files.Select(Check).FirstOrDefault(c => c.Error is not null) is { Error: { } error, DisplayName: var name }
            ? Message.Of<FilesText>(error, name, Attachment.MaxBytes / 1024 / 1024)
            : null;
    }

    /// <summary>
    /// The uploaded name cleaned for display: the last path segment only (either separator), cleaned like any stored text
    /// (<see cref="UserText.SingleLine"/>: no control, bidi or zero-width characters, so "照片\u202Egnp.exe" cannot pose as
    /// an image), no reserved characters, at most <see cref="Attachment.FileNameMaxLength"/> characters with the extension kept.
    /// </summary>
    public static string SanitizeFileName(string? fileName)
    {
        var name = UserText.SingleLine(fileName).Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
            if ("<>:\"|?*".IndexOf(c) < 0) builder.Append(c);
        name = builder.ToString().Trim().TrimStart('.');
        if (name.Length == 0) name = "file";
        if (name.Length > Attachment.FileNameMaxLength)
        {
            var extension = Path.GetExtension(name);
            if (extension.Length > 10) extension = "";
            name = name[..(Attachment.FileNameMaxLength - extension.Length)] + extension;
        }
        return name;
    }

    /// <summary>Magic numbers of the allowed types.</summary>
    private static bool StartsLike(string contentType, byte[] content)
    {
        ReadOnlySpan<byte> bytes = content;
        return contentType switch
        {
            "image/jpeg" => bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
            "image/png" => bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
            "image/webp" => bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8),
            "application/pdf" => bytes.StartsWith("%PDF-"u8),
            _ => false,
        };
    }

    /// <summary>A new stored name: a GUID with the (allowed) extension.</summary>
    public static string NewStoredName(string displayName) => Guid.NewGuid().ToString("N") + Path.GetExtension(displayName).ToLowerInvariant();

    public async Task WriteAsync(string storedName, byte[] content, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(_directory);
        await File.WriteAllBytesAsync(PathOf(storedName), content, ct);
    }

    public void Delete(string storedName)
    {
        try
        {
            File.Delete(PathOf(storedName));
        }
        catch (IOException)
        {
            // Best effort clean-up after a failed save; an orphan file is harmless.
        }
    }

    /// <summary>The full path of a stored name; refuses anything that would leave the attachments directory.</summary>
    public string PathOf(string storedName)
    {
        var path = Path.GetFullPath(Path.Combine(_directory, storedName));
        if (!path.StartsWith(_directory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException("Stored attachment name outside the attachments directory.");
        return path;
    }

    /// <summary>
    /// Serves a stored file as the download endpoints do: with its stored type, never sniffed by the browser; images may
    /// show inline, anything else (PDF) downloads under its display name.
    /// </summary>
    public static IResult Serve(HttpContext http, string path, string contentType, string fileName)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return contentType.StartsWith("image/", StringComparison.Ordinal)
            ? Microsoft.AspNetCore.Http.Results.File(path, contentType)
            : Microsoft.AspNetCore.Http.Results.File(path, contentType, fileName);
    }
}
