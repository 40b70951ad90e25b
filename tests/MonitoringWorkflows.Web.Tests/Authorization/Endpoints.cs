using static MonitoringWorkflows.Web.Tests.Authorization.Personas;

namespace MonitoringWorkflows.Web.Tests.Authorization;

/// <summary>Every page and API endpoint of the application, with who may use it. A new endpoint gets a line here.</summary>
public static class Endpoints
{
    private static readonly Dictionary<string, string> EmptyForm = [];
    private static readonly Persona[] Registrars = [Registrar, OtherRegistrar];

    /// <summary>Who has an inbox: agency members for their agency's steps, chairs and secretaries for their role's.</summary>
    private static readonly Persona[] InboxHolders = [Chair, Secretary, SocialMember, PoliceMember, OtherChair, OtherSocialMember];

    /// <summary>Who may see each case: its district's chair and secretary, its registrar, the agency holding a step.</summary>
    private static readonly Persona[] HomeCaseSeers = [Chair, Secretary, Registrar, SocialMember];
    private static readonly Persona[] OtherCaseSeers = [OtherChair, OtherSocialMember, OtherRegistrar];

    /// <summary>Who may look at an instance's timers, in their own district.</summary>
    private static readonly Persona[] TimerWatchers = [Administrator, Chair, Secretary, OtherChair];

    /// <summary>A completion with a field no form has: refused by the form check, so an allowed call changes nothing.</summary>
    private const string ForgedCompletion = """{ "forgedField": "x" }""";

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

        // Cases: anyone signed in may ask; a case they may not see is answered as missing.
        new("GET", "/cases", [Chair, Secretary, OtherChair]),
        new("GET", "/cases/{homeCase}", HomeCaseSeers, SignedIn),
        new("GET", "/cases/{otherCase}", OtherCaseSeers, SignedIn),
        new("GET", "/api/cases", SignedIn),
        new("GET", "/api/cases/{homeCase}", HomeCaseSeers, SignedIn),
        new("GET", "/api/cases/{otherCase}", OtherCaseSeers, SignedIn),
        new("GET", "/api/cases/{homeCase}/journal", HomeCaseSeers, SignedIn),
        new("GET", "/api/cases/{otherCase}/journal", OtherCaseSeers, SignedIn),
        new("GET", "/api/cases/{homeCase}/diagram", HomeCaseSeers, SignedIn),
        new("GET", "/api/instances/{homeInstance}", HomeCaseSeers, SignedIn),
        new("GET", "/api/instances/{otherInstance}", OtherCaseSeers, SignedIn),
        new("POST", "/api/cases", Registrars, Json: "{}"),

        // The audit trail of case views.
        new("GET", "/audit", [Administrator]),
        new("GET", "/api/audit/case-views", [Administrator]),

        // The inbox: the home case's open step is its risk screening, for Social Protection of the demo district.
        new("GET", "/inbox", InboxHolders),
        new("GET", "/inbox/{homeTask}", [SocialMember], InboxHolders),
        new("GET", "/inbox/{otherTask}", [OtherSocialMember], InboxHolders),
        new("GET", "/api/tasks", InboxHolders),
        new("GET", "/api/tasks/{homeTask}", [SocialMember], InboxHolders),
        new("GET", "/api/tasks/{otherTask}", [OtherSocialMember], InboxHolders),
        new("POST", "/api/tasks/{homeTask}/claim", [SocialMember], InboxHolders, Json: "{}"),
        new("POST", "/api/tasks/{homeTask}/release", [SocialMember], InboxHolders, Json: "{}"),
        new("POST", "/api/tasks/{homeTask}/complete", [SocialMember], InboxHolders, Json: ForgedCompletion),
        new("POST", "/api/tasks/{otherTask}/complete", [OtherSocialMember], InboxHolders, Json: ForgedCompletion),

        // The clock's operations: an instance's pending timers for the chair and secretary of its case's district and
        // administrators; moving a timer for administrators (an empty body fails validation, so nothing moves).
        new("GET", "/api/instances/{homeInstance}/timers", [Administrator, Chair, Secretary], TimerWatchers),
        new("GET", "/api/instances/{otherInstance}/timers", [Administrator, OtherChair], TimerWatchers),
        new("POST", "/api/timers/999999/reschedule", [Administrator], Json: "{}"),

        // The designer (administrators): the list with create and import, the two designers, and its API. Each change
        // is refused by validation (an empty body, no file, a stale revision), so an allowed call changes nothing.
        new("GET", "/designer", [Administrator]),
        new("POST", "/designer?handler=Create", [Administrator], Form: EmptyForm),
        new("POST", "/designer?handler=Import", [Administrator], Form: EmptyForm),
        new("GET", "/designer/processes/violenceReportReferral", [Administrator]),
        new("GET", "/designer/forms/risk-screening", [Administrator]),
        new("GET", "/api/designer/definitions", [Administrator]),
        new("GET", "/api/designer/catalog", [Administrator]),
        new("POST", "/api/designer/validate-expression", [Administrator], Json: "{}"),
        new("POST", "/api/designer/processes", [Administrator], Json: "{}"),
        new("POST", "/api/designer/processes/import", [Administrator], Json: "{}"),
        new("GET", "/api/designer/processes/violenceReportReferral/draft", [Administrator]),
        new("PUT", "/api/designer/processes/violenceReportReferral/draft", [Administrator], Json: "{}"),
        new("POST", "/api/designer/processes/violenceReportReferral/validate", [Administrator], Json: "{}"),
        new("POST", "/api/designer/processes/violenceReportReferral/publish", [Administrator], Json: "{}"),
        new("GET", "/api/designer/processes/violenceReportReferral/export", [Administrator]),
        new("POST", "/api/designer/forms", [Administrator], Json: "{}"),
        new("POST", "/api/designer/forms/import", [Administrator], Json: "{}"),
        new("GET", "/api/designer/forms/risk-screening/draft", [Administrator]),
        new("PUT", "/api/designer/forms/risk-screening/draft", [Administrator], Json: "{}"),
        new("POST", "/api/designer/forms/risk-screening/validate", [Administrator], Json: "{}"),
        new("POST", "/api/designer/forms/risk-screening/publish", [Administrator], Json: "{}"),
        new("GET", "/api/designer/forms/risk-screening/export", [Administrator]),
    ];
}
