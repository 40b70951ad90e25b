using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MonitoringWorkflows.Web.Organisation;

namespace MonitoringWorkflows.Web.Figures;

/// <summary>
/// Figures without personal data for national analysts (and administrators), across all districts. Nobody in a
/// district role gets them: the chair's dashboard shows the district's own cases, and the design gives aggregate
/// national figures to analysts only.
/// </summary>
public static class FiguresApi
{
    public static readonly string[] Readers = [Roles.NationalAnalyst, Roles.Administrator];

    public static RouteGroupBuilder MapFiguresApi(this RouteGroupBuilder api)
    {
        api.MapGet("/figures", GetAsync)
            .RequireAuthorization(policy => policy.RequireRole(Readers))
            .WithSummary("Counts of victims by the dimensions in 'by' (district, period, violenceType, ageGroup, sex, outcome), period month|quarter|year, with filters; 1-4 shown as \"<5\", other counts rounded to multiples of 5.");
        api.MapGet("/figures.csv", CsvAsync)
            .RequireAuthorization(policy => policy.RequireRole(Readers))
            .WithSummary("The same figures as CSV (UTF-8, comma-separated, a header row).");
        return api;
    }

    private static async Task<Ok<FigureTable>> GetAsync([AsParameters] FigureQuery query, FigureCounting counting, CancellationToken cancellationToken) =>
        TypedResults.Ok(await counting.CountAsync(query.Filter, cancellationToken));

    private static async Task<FileContentHttpResult> CsvAsync([AsParameters] FigureQuery query, FigureCounting counting, CancellationToken cancellationToken)
    {
        var table = await counting.CountAsync(query.Filter, cancellationToken);
        return TypedResults.File(Encoding.UTF8.GetBytes(Csv(table)), "text/csv; charset=utf-8", "figures.csv");
    }

    public static string Csv(FigureTable table)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', table.Dimensions.Append("count").Select(Field)).Append("\r\n");
        foreach (var row in table.Rows)
            csv.AppendJoin(',', table.Dimensions.Select(d => row.Keys[d]).Append(row.Count).Select(Field)).Append("\r\n");
        csv.AppendJoin(',', table.Dimensions.Select((_, i) => i == 0 ? "total" : "").Append(table.Total).Select(Field)).Append("\r\n");
        return csv.ToString();
    }

    /// <summary>Quoted when it holds a separator or quote; a leading formula character is neutralised for spreadsheets.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && "=+@".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}

/// <summary>The query string of <c>/api/figures</c> and of the figures page.</summary>
public sealed class FigureQuery
{
    [FromQuery] public string? By { get; set; }
    [FromQuery] public string? Period { get; set; }
    [FromQuery] public int? Year { get; set; }
    [FromQuery] public string? District { get; set; }
    [FromQuery] public string? ViolenceType { get; set; }
    [FromQuery] public string? AgeGroup { get; set; }
    [FromQuery] public string? Sex { get; set; }
    [FromQuery] public string? Outcome { get; set; }

    public FigureFilter Filter => new(By, Period, Year, District, ViolenceType, AgeGroup, Sex, Outcome);
}
