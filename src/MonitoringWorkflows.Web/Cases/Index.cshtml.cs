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

    [BindProperty(SupportsGet = true)]
    public string? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Agency { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Referral { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Review { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Registered { get; set; }

    [BindProperty(SupportsGet = true, Name = "closed")]
    public string? ClosedIn { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public CaseListPage Results { get; private set; } = new([], 1, CaseList.PageSize, false);

    public bool Filtered => Status is not null || Risk is not null || Overdue || !string.IsNullOrWhiteSpace(Number) || DashboardFiltered;

    /// <summary>A list opened from a dashboard figure: its filters are kept in the form as hidden fields.</summary>
    public bool DashboardFiltered => Stage is not null || Agency is not null || Referral is not null || Review is not null
        || Registered is not null || ClosedIn is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Results = await list.FindAsync(User, new CaseListFilter(Status, Risk, Overdue, Number, PageNumber, Stage, Agency, Referral, Review, Registered, ClosedIn), cancellationToken);

    public Dictionary<string, string?> RouteFor(int page) => new()
    {
        ["status"] = Status, ["risk"] = Risk, ["overdue"] = Overdue ? "true" : null, ["number"] = Number,
        ["stage"] = Stage, ["agency"] = Agency, ["referral"] = Referral, ["review"] = Review, ["registered"] = Registered, ["closed"] = ClosedIn,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
