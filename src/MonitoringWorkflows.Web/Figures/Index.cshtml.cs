using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Figures;

/// <summary>National figures without personal data: a table by the chosen dimensions, with filters and a CSV export.</summary>
[Authorize(Roles = Roles.NationalAnalyst + "," + Roles.Administrator)]
public sealed class IndexModel(FigureCounting counting, WorkflowDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "by")]
    public List<string> By { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public FigureQuery Query { get; set; } = new();

    public FigureTable Table { get; private set; } = null!;

    public IReadOnlyList<string> Districts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // The form sends one "by" per ticked dimension; the API takes them comma-separated.
        Query.By = By.Count > 0 ? string.Join(',', By) : null;
        Table = await counting.CountAsync(Query.Filter, cancellationToken);
        Districts = await db.Districts.AsNoTracking().OrderBy(d => d.Code).Select(d => d.Code).ToListAsync(cancellationToken);
    }

    public string CsvLink()
    {
        var query = new Dictionary<string, string?>
        {
            ["by"] = string.Join(',', Table.Dimensions), ["period"] = Table.Period, ["year"] = Query.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["district"] = Query.District, ["violenceType"] = Query.ViolenceType, ["ageGroup"] = Query.AgeGroup, ["sex"] = Query.Sex,
            ["outcome"] = Query.Outcome,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/api/figures.csv",
            query.Where(q => !string.IsNullOrEmpty(q.Value)).ToDictionary(q => q.Key, q => q.Value));
    }
}
