using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MonitoringWorkflows.Web.Inbox;
using MonitoringWorkflows.Web.Organisation;

namespace MonitoringWorkflows.Web.Dashboard;

/// <summary>
/// The home page: for each role the user holds, what they can do here today and what is still to come. An agency
/// member sees how many steps wait in their inbox and how many are overdue.
/// </summary>
public sealed class IndexModel(InboxQueries inbox) : PageModel
{
    public IReadOnlyList<string> Roles { get; private set; } = [];

    /// <summary>The agency member's open and overdue steps; null for other users.</summary>
    public InboxCounts? InboxCounts { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Roles = Organisation.Roles.All.Where(role => User.HasClaim(ClaimTypes.Role, role)).ToList();
        if (Roles.Contains(Organisation.Roles.AgencyMember) && StepAccess.HolderOf(User) is { Agency: not null } holder)
            InboxCounts = await inbox.CountsAsync(holder, cancellationToken);
    }

    /// <summary>Where each role works, as (address, label key): shared navigation keys, or "Record" and "Inbox".</summary>
    public static IReadOnlyList<(string Href, string Label)> LinksOf(string role) => role switch
    {
        Organisation.Roles.Administrator =>
        [
            ("/designer", "Nav_Designer"), ("/monitoring/processes", "Nav_ProcessMonitor"), ("/incidents", "Nav_Incidents"),
            ("/organisation/users", "Nav_Users"), ("/organisation/agencies", "Nav_Agencies"), ("/organisation/districts", "Nav_Districts"),
            ("/calendar", "Nav_Calendar"), ("/audit", "Nav_Audit"), ("/figures", "Nav_Figures"),
        ],
        Organisation.Roles.Chair =>
        [
            ("/monitoring", "Nav_Monitoring"), ("/cases", "Nav_Cases"), ("/inbox", "Nav_Inbox"), ("/meetings", "Nav_Meetings"),
            ("/orders", "Nav_Orders"), ("/incidents", "Nav_Incidents"),
        ],
        Organisation.Roles.Secretary =>
        [
            ("/monitoring", "Nav_Monitoring"), ("/cases", "Nav_Cases"), ("/inbox", "Nav_Inbox"), ("/meetings", "Nav_Meetings"),
            ("/orders", "Nav_Orders"),
        ],
        Organisation.Roles.AgencyMember => [("/inbox", "Inbox")],
        Organisation.Roles.Registrar => [("/cases/new", "Record")],
        Organisation.Roles.NationalAnalyst => [("/figures", "Nav_Figures")],
        _ => [],
    };

    /// <summary>A count as shown: capped counts read "1000+".</summary>
    public static string Count(int count) => count >= InboxQueries.CountCap ? $"{InboxQueries.CountCap}+" : count.ToString(System.Globalization.CultureInfo.CurrentCulture);
}
