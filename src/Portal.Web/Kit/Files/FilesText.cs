namespace Portal.Web.Kit.Files;

/// <summary>Marker for the uploaded files' refusals (FilesText.resx, FilesText.en.resx): <c>Attachment.Error.*</c>.</summary>
public sealed class FilesText;
