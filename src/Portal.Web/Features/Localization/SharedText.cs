namespace Portal.Web.Features.Localization;

/// <summary>Marker for strings shared by the whole portal (layout, navigation, common buttons and messages).</summary>
public sealed class SharedText;
