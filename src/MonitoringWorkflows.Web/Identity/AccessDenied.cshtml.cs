using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MonitoringWorkflows.Web.Identity;

/// <summary>The body of every refused page request (see <see cref="AccessDeniedPage"/>); the status stays 403.</summary>
public sealed class AccessDeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
