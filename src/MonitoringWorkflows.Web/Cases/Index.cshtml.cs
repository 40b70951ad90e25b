using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MonitoringWorkflows.Web.Organisation;

namespace MonitoringWorkflows.Web.Cases;

/// <summary>The chair's and the secretary's list of their district's cases: stage, risk, overdue steps, with filters.</summary>
[Authorize(Roles = Roles.Chair + "," + Roles.Secretary)]
public sealed class IndexModel(CaseList list) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Risk { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public CaseListPage Results { get; private set; } = new([], 1, CaseList.PageSize, false);

    public bool Filtered => Status is not null || Risk is not null || Overdue || !string.IsNullOrWhiteSpace(Number);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Results = await list.FindAsync(User, new CaseListFilter(Status, Risk, Overdue, Number, PageNumber), cancellationToken);

    public Dictionary<string, string?> RouteFor(int page) => new()
    {
        ["status"] = Status, ["risk"] = Risk, ["overdue"] = Overdue ? "true" : null, ["number"] = Number,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
