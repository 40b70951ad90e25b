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

    /// <summary>Who may act on incidents: administrators, and the chair for their district's.</summary>
    private static readonly Persona[] IncidentHandlers = [Administrator, Chair, OtherChair];
    /// <summary>Who runs group meetings: the chair and the secretary, each of their own district's meetings.</summary>
    private static readonly Persona[] MeetingHolders = [Chair, Secretary, OtherChair];

    /// <summary>National figures without personal data.</summary>
    private static readonly Persona[] FigureReaders = [Administrator, Analyst];

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

        // Starting a case's referral later (the matrix's cases have started, so those allowed get 409 or the page's
        // message): administrators any case, the chair their district's; those who see the case otherwise get 403,
        // everyone else 404. Administrators see no case page, so they start from the incidents page or the API.
        new("POST", "/api/cases/{homeCase}/referral", [Administrator, Chair],
            [Administrator, Chair, PoliceMember, Analyst, OtherChair, OtherSocialMember, OtherRegistrar], Json: "{}"),
        new("POST", "/api/cases/{otherCase}/referral", [Administrator, OtherChair],
            [Administrator, OtherChair, Chair, Secretary, Registrar, SocialMember, PoliceMember, Analyst], Json: "{}"),
        new("POST", "/cases/{homeCase}?handler=StartReferral", [Chair],
            [Chair, Administrator, PoliceMember, Analyst, OtherChair, OtherSocialMember, OtherRegistrar], Form: EmptyForm),
        new("POST", "/incidents?handler=StartReferral&number={homeCase}", [Administrator, Chair], IncidentHandlers, Form: EmptyForm),

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

        // The chair's dashboard (their own district) and the process monitor (counts for administrators too; the cases
        // at an element for the district's chair and secretary only).
        new("GET", "/monitoring", [Chair, Secretary, OtherChair]),
        new("GET", "/api/monitoring/dashboard", [Chair, Secretary, OtherChair]),
        new("GET", "/monitoring/processes", [Administrator, Chair, Secretary, OtherChair]),
        new("GET", "/monitoring/processes/violenceReportReferral/1", [Administrator, Chair, Secretary, OtherChair]),
        new("GET", "/api/monitoring/processes", [Administrator, Chair, Secretary, OtherChair]),
        new("GET", "/api/monitoring/processes/violenceReportReferral/1", [Administrator, Chair, Secretary, OtherChair]),
        new("GET", "/api/monitoring/processes/violenceReportReferral/1/elements/Task_RiskScreening/cases", [Chair, Secretary, OtherChair]),

        // Incidents: administrators all, the chair their district's; an incident not theirs (or none) answers 404; a
        // cancel without a reason fails validation.
        new("GET", "/incidents", [Administrator, Chair, OtherChair]),
        new("GET", "/api/incidents", [Administrator, Chair, OtherChair]),
        new("POST", "/api/incidents/999999/retry", [], IncidentHandlers, Json: "{}"),
        new("POST", "/api/incidents/999999/cancel", [Administrator, Chair, OtherChair], Json: "{}"),
        // The same on a page: an instance's timers, and an administrator's form to move one (an empty form is refused
        // with a message, so nothing moves).
        new("GET", "/instances/{homeInstance}/timers", [Administrator, Chair, Secretary], TimerWatchers),
        new("GET", "/instances/{otherInstance}/timers", [Administrator, OtherChair], TimerWatchers),
        new("POST", "/instances/{homeInstance}/timers?handler=Reschedule", [Administrator], Form: EmptyForm),

        // Protection orders: each district's chair and secretary see their own district's (a list, so nothing to hide).
        new("GET", "/orders", [Chair, Secretary, OtherChair]),
        new("GET", "/orders?show=all&kind=LongTerm", [Chair, Secretary, OtherChair]),
        new("GET", "/api/orders?expiringWithinDays=7", [Chair, Secretary, OtherChair]),

        // Group review meetings: bodies that fail validation (or change nothing) for those allowed; another district's
        // meeting is answered as a missing one.
        new("GET", "/meetings", MeetingHolders),
        new("POST", "/meetings", MeetingHolders, Form: EmptyForm),
        new("GET", "/meetings/{homeMeeting}", [Chair, Secretary], MeetingHolders),
        new("GET", "/meetings/{otherMeeting}", [OtherChair], MeetingHolders),
        new("GET", "/meetings/{homeMeeting}/print", [Chair, Secretary], MeetingHolders),
        new("GET", "/meetings/{otherMeeting}/print", [OtherChair], MeetingHolders),
        new("POST", "/meetings/{homeMeeting}?handler=AddCase", [Chair, Secretary], MeetingHolders, Form: EmptyForm),
        new("POST", "/meetings/{homeMeeting}?handler=Close", [Chair, Secretary], MeetingHolders, Form: EmptyForm),
        new("POST", "/meetings/{homeMeeting}?handler=Propose", [Chair, Secretary], MeetingHolders, Form: EmptyForm),
        new("POST", "/meetings/{homeMeeting}?handler=Remove&itemId=999999", [Chair, Secretary], MeetingHolders, Form: EmptyForm),
        new("POST", "/meetings/{homeMeeting}?handler=Attendance", [Chair, Secretary], MeetingHolders, Form: EmptyForm),
        new("POST", "/meetings/{homeMeeting}?handler=Decision&itemId={homeItem}", [Chair, Secretary], MeetingHolders, Form: EmptyForm),
        new("POST", "/meetings/{otherMeeting}?handler=Decision&itemId=999999", [], MeetingHolders, Form: EmptyForm),
        new("GET", "/api/meetings", MeetingHolders),
        new("POST", "/api/meetings", MeetingHolders, Json: "{}"),
        new("GET", "/api/meetings/{homeMeeting}", [Chair, Secretary], MeetingHolders),
        new("GET", "/api/meetings/{otherMeeting}", [OtherChair], MeetingHolders),
        new("POST", "/api/meetings/{homeMeeting}/agenda/propose", [Chair, Secretary], MeetingHolders, Json: "{}"),
        new("POST", "/api/meetings/{homeMeeting}/agenda", [Chair, Secretary], MeetingHolders, Json: "{}"),
        new("DELETE", "/api/meetings/{homeMeeting}/agenda/999999", [Chair, Secretary], MeetingHolders, Json: "{}"),
        new("PUT", "/api/meetings/{homeMeeting}/attendance", [Chair, Secretary], MeetingHolders, Json: "{}"),
        new("PUT", "/api/meetings/{homeMeeting}/agenda/{homeItem}/decision", [Chair, Secretary], MeetingHolders, Json: "{}"),
        new("POST", "/api/meetings/{homeMeeting}/close", [Chair, Secretary], MeetingHolders, Json: "{}"),
        new("POST", "/api/meetings/{otherMeeting}/close", [OtherChair], MeetingHolders, Json: "{}"),

        // Figures without personal data, national.
        new("GET", "/figures", FigureReaders),
        new("GET", "/api/figures", FigureReaders),
        new("GET", "/api/figures.csv", FigureReaders),

        // The designer's versions, migration and test runs (administrators). Bodies fail validation or are no-ops:
        // an empty migration form goes back to the preview; the test run's task is its own sandbox, no real case.
        new("GET", "/designer/processes/violenceReportReferral/versions", [Administrator]),
        new("GET", "/designer/processes/violenceReportReferral/diff?from=1&to=1", [Administrator]),
        new("GET", "/designer/processes/violenceReportReferral/migrate", [Administrator]),
        new("POST", "/designer/processes/violenceReportReferral/migrate", [Administrator], Form: EmptyForm),
        new("POST", "/designer/processes/violenceReportReferral/versions?handler=Restore", [Administrator],
            Form: new Dictionary<string, string> { ["version"] = "1", ["expectedRevision"] = "-1" }),
        new("GET", "/designer/test-run", [Administrator]),
        new("POST", "/designer/test-run", [Administrator], Form: EmptyForm),
        new("GET", "/api/designer/processes/violenceReportReferral/versions", [Administrator]),
        new("GET", "/api/designer/processes/violenceReportReferral/versions/1/bpmn", [Administrator]),
        new("GET", "/api/designer/processes/violenceReportReferral/diff?from=1&to=1", [Administrator]),
        new("POST", "/api/designer/processes/violenceReportReferral/versions/1/restore", [Administrator], Json: """{ "expectedRevision": -1 }"""),
        new("GET", "/api/designer/processes/violenceReportReferral/migration?from=1", [Administrator]),
        new("POST", "/api/designer/processes/violenceReportReferral/migrate", [Administrator], Json: "{}"),
        new("POST", "/api/designer/test-runs", [Administrator], Json: "{}"),
        new("GET", "/api/designer/test-runs/{testRun}", [Administrator]),
        new("POST", "/api/designer/test-runs/{testRun}/tasks/Task_RiskScreening/complete", [Administrator], Json: "{}"),
        new("POST", "/api/designer/test-runs/{testRun}/timers/999999/fire", [Administrator], Json: "{}"),
        new("POST", "/api/designer/test-runs/{testRun}/messages", [Administrator], Json: "{}"),
        new("DELETE", "/api/designer/test-runs/00000000-0000-0000-0000-000000000001", [Administrator], Json: "{}"),

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
