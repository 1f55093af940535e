namespace Portal.Domain.WorkItems;

/// <summary>The need categories of the domain brief; codes are stored, names come from resources.</summary>
public static class WorkItemCategories
{
    public const string ElderlyCare = "ElderlyCare";
    public const string Children = "Children";
    public const string Difficulty = "Difficulty";
    public const string Venue = "Venue";
    public const string Lectures = "Lectures";
    public const string Environment = "Environment";
    public const string Safety = "Safety";
    public const string Health = "Health";
    public const string Utilities = "Utilities";
    public const string Culture = "Culture";
    public const string Legal = "Legal";
    public const string Other = "Other";

    public static IReadOnlyList<string> All { get; } =
        [ElderlyCare, Children, Difficulty, Venue, Lectures, Environment, Safety, Health, Utilities, Culture, Legal, Other];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);
}
