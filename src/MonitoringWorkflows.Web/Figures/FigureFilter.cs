using MonitoringWorkflows.Web.Cases;

namespace MonitoringWorkflows.Web.Figures;

/// <summary>
/// What the analyst asks for: the dimensions to count by (<c>by=district,period</c>), the period length, and filters.
/// Unknown dimension names and filter values are ignored rather than refused, so a link keeps working.
/// </summary>
public sealed record FigureFilter(
    string? By = null, string? Period = null, int? Year = null, string? District = null, string? ViolenceType = null,
    string? AgeGroup = null, string? Sex = null, string? Outcome = null)
{
    public IReadOnlyList<string> Dimensions =>
        (By ?? FigureDimensions.Default).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(FigureDimensions.All.Contains).Distinct().ToList();

    public string PeriodLength => Period is { } p && FigurePeriods.All.Contains(p) ? p : FigurePeriods.Quarter;
}

public static class FigureDimensions
{
    public const string District = "district";
    public const string Period = "period";
    public const string ViolenceType = "violenceType";
    public const string AgeGroup = "ageGroup";
    public const string Sex = "sex";
    public const string Outcome = "outcome";
    public const string Default = District + "," + Period;

    public static readonly IReadOnlyList<string> All = [District, Period, ViolenceType, AgeGroup, Sex, Outcome];
}

public static class FigurePeriods
{
    public const string Month = "month";
    public const string Quarter = "quarter";
    public const string Year = "year";

    public static readonly IReadOnlyList<string> All = [Month, Quarter, Year];
}

/// <summary>Age groups of victims, by completed years: early childhood, school age, adolescents, adults, older people.</summary>
public static class AgeGroups
{
    public const string Unknown = "unknown";
    public static readonly IReadOnlyList<string> All = ["0-5", "6-11", "12-17", "18-59", "60+", Unknown];

    public static string Of(string? age) =>
        !int.TryParse(age, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var years) ? Unknown
        : years <= 5 ? "0-5" : years <= 11 ? "6-11" : years < ReportChoices.AdultAge ? "12-17" : years < 60 ? "18-59" : "60+";
}

/// <summary>The filter values the other dimensions take (codes, as stored; the page shows them translated).</summary>
public static class FigureValues
{
    public const string UnknownSex = "unknown";
    public static readonly IReadOnlyList<string> Sexes = [.. ReportChoices.Sexes, UnknownSex];
    public static readonly IReadOnlyList<string> Outcomes = [CaseStates.Open, CaseStates.Closed, CaseStates.NotStarted];
}
