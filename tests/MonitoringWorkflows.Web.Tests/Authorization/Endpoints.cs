using static MonitoringWorkflows.Web.Tests.Authorization.Personas;

namespace MonitoringWorkflows.Web.Tests.Authorization;

/// <summary>Every page and API endpoint of the application, with who may use it. A new endpoint gets a line here.</summary>
public static class Endpoints
{
    private static readonly Dictionary<string, string> EmptyForm = [];
    private static readonly Persona[] Registrars = [Registrar, OtherRegistrar];

    public static readonly IReadOnlyList<Probe> All =
    [
        // Everyone signed in.
        new("GET", "/", SignedIn),
        new("GET", "/identity/password", SignedIn),
        new("GET", "/identity/two-factor", SignedIn),
        new("GET", "/api/antiforgery", SignedIn),
        new("GET", "/api/definitions", SignedIn),
        new("GET", "/notifications", SignedIn),
        new("POST", "/notifications?handler=ReadAll", SignedIn, Form: EmptyForm),
        new("GET", "/api/notifications?unread=true", SignedIn),
        new("POST", "/api/notifications/read-all", SignedIn, Json: "{}"),

        // Administration.
        new("GET", "/organisation/users", [Administrator]),
        new("GET", "/organisation/users/new", [Administrator]),
        new("GET", "/organisation/agencies", [Administrator]),
        new("GET", "/organisation/districts", [Administrator]),
        new("POST", "/organisation/districts", [Administrator], Form: EmptyForm),
        new("GET", "/calendar", [Administrator]),
        new("POST", "/calendar?handler=Add", [Administrator], Form: EmptyForm),

        // Report intake.
        new("GET", "/cases/new", [Registrar, OtherRegistrar]),
        new("POST", "/cases/new", [Registrar, OtherRegistrar], Form: EmptyForm),
        new("GET", "/cases/{homeCase}/registered", [Registrar], Registrars),
        new("GET", "/cases/{otherCase}/registered", [OtherRegistrar], Registrars),
    ];
}
