namespace Portal.Web.Features.Councils.Topics;

/// <summary>Marker for the topic collection pages' and service's localized strings (TopicsText.resx, TopicsText.en.resx).</summary>
public sealed class TopicsText;
