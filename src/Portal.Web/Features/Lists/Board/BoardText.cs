namespace Portal.Web.Features.Lists.Board;

/// <summary>Marker for the public board's resources (BoardText.resx, zh-CN default, + .en).</summary>
public sealed class BoardText;
