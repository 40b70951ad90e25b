using Microsoft.AspNetCore.Identity;
using MonitoringWorkflows.Web.Organisation;

namespace MonitoringWorkflows.Web.Identity;

/// <summary>A person who signs in: an Identity user placed in the organisation (district and agency).</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The district the user works in; null for national users.</summary>
    public int? DistrictId { get; set; }
    public District? District { get; set; }

    /// <summary>The agency an agency member speaks for (its code); null for everyone else.</summary>
    public string? AgencyCode { get; set; }
    public Agency? Agency { get; set; }

    /// <summary>Set while the password is a temporary one someone else saw; the user must replace it before anything else.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>One of the demo logins: exempt from the two-factor requirement while demo mode is on.</summary>
    public bool IsDemo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
