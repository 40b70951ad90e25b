using MonitoringWorkflows.Web.Organisation;

namespace MonitoringWorkflows.Web.Tests.Authorization;

/// <summary>Someone who tries an endpoint: a demo login, a user of the other district, or nobody signed in.</summary>
public sealed record Persona(string Name, string? Email, string? Role = null, string? Agency = null)
{
    public override string ToString() => Name;
}

public static class Personas
{
    public static readonly Persona Anonymous = new("anonymous", null);
    public static readonly Persona Administrator = new("administrator", "admin@demo.az");
    public static readonly Persona Chair = new("chair", "chair@demo.az");
    public static readonly Persona Secretary = new("secretary", "secretary@demo.az");
    public static readonly Persona Registrar = new("registrar", "registrar@demo.az");
    public static readonly Persona Analyst = new("analyst", "analyst@demo.az");

    /// <summary>The agency that holds the demo case's first step (risk screening).</summary>
    public static readonly Persona SocialMember = new("social member", "social@demo.az");

    /// <summary>A member of an agency with no step on the demo case.</summary>
    public static readonly Persona PoliceMember = new("police member", "police@demo.az");

    public static readonly Persona OtherChair = new("chair of another district", "chair@other.az", Roles.Chair);
    public static readonly Persona OtherSocialMember = new("social member of another district", "social@other.az", Roles.AgencyMember, "SocialProtection");
    public static readonly Persona OtherRegistrar = new("registrar of another district", "registrar@other.az", Roles.Registrar);

    public static readonly IReadOnlyList<Persona> All =
    [
        Anonymous, Administrator, Chair, Secretary, Registrar, Analyst, SocialMember, PoliceMember,
        OtherChair, OtherSocialMember, OtherRegistrar,
    ];

    public static Persona Named(string name) => All.Single(p => p.Name == name);

    /// <summary>Everyone signed in.</summary>
    public static IReadOnlyList<Persona> SignedIn => All.Where(p => p.Email is not null).ToList();
}
