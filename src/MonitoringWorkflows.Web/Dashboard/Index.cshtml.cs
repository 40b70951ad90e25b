using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MonitoringWorkflows.Web.Organisation;

namespace MonitoringWorkflows.Web.Dashboard;

/// <summary>
/// The home page: for each role the user holds, what they can do here today and what is still to come. It shows
/// no figures until there are real ones.
/// </summary>
public sealed class IndexModel : PageModel
{
    public IReadOnlyList<string> Roles { get; private set; } = [];

    public void OnGet() =>
        Roles = Organisation.Roles.All.Where(role => User.HasClaim(ClaimTypes.Role, role)).ToList();
}
