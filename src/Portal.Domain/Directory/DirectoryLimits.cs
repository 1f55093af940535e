namespace Portal.Domain.Directory;

/// <summary>Text lengths shared by the schema and validation.</summary>
public static class DirectoryLimits
{
    public const int Name = 100;
    public const int PersonName = 50;
    public const int Code = 20;
    public const int Phone = 20;
    public const int Address = 200;
    /// <summary>Largest exclusive area accepted for one unit, in m²; larger values are typing errors.</summary>
    public const decimal MaxExclusiveArea = 10_000m;
}
