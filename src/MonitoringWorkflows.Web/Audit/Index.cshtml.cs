using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MonitoringWorkflows.Web.Identity;

namespace MonitoringWorkflows.Web.Audit;

/// <summary>Administrators search who viewed which case; they see the trail only, never a case's content.</summary>
[Authorize(Policy = IdentityRegistration.AdministratorPolicy)]
public sealed class IndexModel(AuditSearch search) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "case")]
    public string? Case { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public AuditPage Results { get; private set; } = new([], 1, AuditSearch.PageSize, false);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Results = await search.FindAsync(new AuditFilter(Case, UserName, From, To, PageNumber), cancellationToken);

    /// <summary>The query string of another page of the same search.</summary>
    public Dictionary<string, string?> RouteFor(int page) => new()
    {
        ["case"] = Case, ["user"] = UserName, ["from"] = From?.ToString("yyyy-MM-dd"), ["to"] = To?.ToString("yyyy-MM-dd"),
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
