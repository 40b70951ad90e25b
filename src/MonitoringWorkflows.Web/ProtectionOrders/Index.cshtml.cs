using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Organisation;

namespace MonitoringWorkflows.Web.ProtectionOrders;

/// <summary>
/// The chair's and the secretary's protection orders of their district: those ending within
/// <see cref="SoonDays"/> days by default, or all in force, of one kind or both, each with a link to its case.
/// </summary>
[Authorize(Roles = Roles.Chair + "," + Roles.Secretary)]
public sealed class IndexModel(ExpiringOrders orders, TimeProvider time) : PageModel
{
    public const int SoonDays = 7;

    /// <summary>"all" for every order in force; anything else for those ending soon.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    [BindProperty(SupportsGet = true)]
    public ProtectionOrderKind? Kind { get; set; }

    public bool ShowsAll => Show == "all";
    public IReadOnlyList<OrderRow> Orders { get; private set; } = [];
    public int EndingSoon { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.DistrictIdOf() is not { } district) return Forbid();
        Now = time.GetUtcNow();
        Orders = await orders.ListAsync(district, Now, ShowsAll ? null : SoonDays, Kind, cancellationToken);
        EndingSoon = ShowsAll || Kind is not null ? await orders.CountAsync(district, Now, SoonDays, cancellationToken) : Orders.Count;
        return Page();
    }
}
