namespace Portal.Web.Features.Voting.RuleSets;

/// <summary>Marker for the rule sets' localized strings (RuleSetsText.resx, RuleSetsText.en.resx), the domain's <c>Voting.RuleSet.Error.*</c> codes included.</summary>
public sealed class RuleSetsText;
