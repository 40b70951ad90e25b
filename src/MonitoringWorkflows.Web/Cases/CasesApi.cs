using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MonitoringWorkflows.Web.Access;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Localization;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Cases;

public sealed record CaseDetails(CaseSummary Summary, CaseReport Report);

public sealed record CaseDiagramData(string CaseNumber, IReadOnlyList<InstanceDiagram> Instances);

public sealed record StartedReferral(string CaseNumber, long InstanceId);

public sealed record RecordedCase(string CaseNumber, bool ProcessStarted, long? InstanceId);

/// <summary>
/// Cases over the API, with the page's rules: a case the caller may not see is a 404 exactly like a case that does not
/// exist; what a case shows depends on the caller's sight; reading a case's content records a view ("api").
/// </summary>
public static class CasesApi
{
    public static RouteGroupBuilder MapCasesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/cases", ListAsync)
            .WithSummary("The cases the caller may see, newest first, 50 a page; the chair and the secretary see all of their district's.");
        api.MapGet("/cases/{number}", GetAsync)
            .WithSummary("A case's summary and report, as much as the caller's sight allows. Records a view of the case.");
        api.MapGet("/cases/{number}/journal", JournalAsync)
            .WithSummary("The case's timeline from the journals of all its instances, newest first. Records a view of the case.");
        api.MapGet("/cases/{number}/diagram", DiagramAsync)
            .WithSummary("For each instance of the case: its definition's BPMN, the current elements, the elements and flows passed.");
        api.MapGet("/instances/{id:long}", InstanceAsync)
            .WithSummary("A process instance's status, definition and current elements, if its case is visible to the caller.");
        api.MapPost("/cases", RecordAsync)
            .RequireAuthorization(policy => policy.RequireRole(Roles.Registrar))
            .WithSummary("Records a report (registrars): creates the case and starts its referral process. Fields as on the report form.");
        api.MapPost("/cases/{number}/referral", StartReferralAsync)
            .WithSummary("Starts the referral process of a case whose start failed (administrators; the chair of the case's district). "
                + "409 if it runs already or stopped with an incident; 422 with the runner's reason if it fails again.");
        return api;
    }

    private static async Task<Ok<CaseListPage>> ListAsync(
        ClaimsPrincipal user, CaseList list, CancellationToken cancellationToken, string? status = null, string? risk = null,
        bool overdue = false, string? number = null, int page = 1, string? stage = null, string? agency = null, string? referral = null,
        string? review = null, string? registered = null, string? closed = null) =>
        TypedResults.Ok(await list.FindAsync(user,
            new CaseListFilter(status, risk, overdue, number, page, stage, agency, referral, review, registered, closed), cancellationToken));

    private static async Task<Results<Ok<CaseDetails>, ProblemHttpResult>> GetAsync(
        string number, ClaimsPrincipal user, CaseAccess access, CaseViewAudit audit, CaseReader reader, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(user, number, cancellationToken) is not { } seen) return NoSuchCase();
        var recorded = audit.RecordAsync(user, seen.Case, CaseViewChannels.Api, cancellationToken);
        var details = new CaseDetails(await reader.SummaryAsync(seen, cancellationToken), CaseReport.Of(seen.Case, seen.Sight));
        await recorded; // committed before anything is answered
        return TypedResults.Ok(details);
    }

    private static async Task<Results<Ok<IReadOnlyList<TimelineEntry>>, ProblemHttpResult>> JournalAsync(
        string number, ClaimsPrincipal user, CaseAccess access, CaseViewAudit audit, CaseReader reader, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(user, number, cancellationToken) is not { } seen) return NoSuchCase();
        var recorded = audit.RecordAsync(user, seen.Case, CaseViewChannels.Api, cancellationToken);
        var timeline = await reader.TimelineAsync(user, seen, cancellationToken);
        await recorded; // committed before anything is answered
        return TypedResults.Ok(timeline);
    }

    // Not recorded as a view: the case page that fetches it has recorded one, and a diagram shows no personal data.
    private static async Task<Results<Ok<CaseDiagramData>, ProblemHttpResult>> DiagramAsync(
        string number, ClaimsPrincipal user, CaseAccess access, CaseDiagrams diagrams, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(user, number, cancellationToken) is not { } seen) return NoSuchCase();
        var instances = await diagrams.ForCaseAsync(seen.Case.Number, seen.Case.ProcessInstanceId, cancellationToken);
        return TypedResults.Ok(new CaseDiagramData(seen.Case.Number, instances));
    }

    private static async Task<Results<Ok<InstanceFacts>, ProblemHttpResult>> InstanceAsync(
        long id, ClaimsPrincipal user, WorkflowDbContext db, CaseAccess access, CancellationToken cancellationToken)
    {
        var instance = await db.ProcessInstances.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new
            {
                i.Id, i.BusinessKey, i.ParentInstanceId, i.DefinitionVersion!.Key, i.DefinitionVersion.Version, i.Status,
                i.StartedAt, i.EndedAt, i.StateJson,
            })
            .SingleOrDefaultAsync(cancellationToken);
        // An instance outside any case, or of a case the caller may not see, is answered as one that does not exist.
        if (instance?.BusinessKey is not { } key || await access.FindAsync(user, key, cancellationToken) is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such instance");
        return TypedResults.Ok(new InstanceFacts(instance.Id, key, instance.ParentInstanceId, instance.Key, instance.Version,
            instance.Status.ToString(), instance.StartedAt, instance.EndedAt, CaseDiagrams.CurrentElements(instance.StateJson)));
    }

    private static async Task<Results<Created<RecordedCase>, ValidationProblem>> RecordAsync(
        [FromBody] ReportInput input, ClaimsPrincipal user, CaseIntake intake, TimeProvider time,
        IStringLocalizer<SharedText> shared, IStringLocalizer<CasesText> text, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(AzerbaijanTime.Of(time.GetUtcNow()).DateTime);
        var errors = ReportApiCheck.Errors(input, shared, text, today);
        var districtId = user.DistrictIdOf();
        if (districtId is null) errors[""] = [text["Error_NoDistrict"]];
        if (errors.Count > 0 || districtId is null) return TypedResults.ValidationProblem(errors);
        input.Victims.RemoveAll(victim => victim.IsBlank);
        var result = await intake.RecordAsync(input, districtId.Value, user.Identity!.Name!, cancellationToken);
        return TypedResults.Created($"/api/cases/{Uri.EscapeDataString(result.CaseNumber)}",
            new RecordedCase(result.CaseNumber, result.Start.IsOk, result.Start.InstanceId));
    }

    private static async Task<Results<Ok<StartedReferral>, ProblemHttpResult>> StartReferralAsync(
        string number, ClaimsPrincipal user, ReferralRestart restart, CancellationToken cancellationToken)
    {
        var result = await restart.StartAsync(user, number, cancellationToken);
        return result.Outcome switch
        {
            RestartOutcome.Started => TypedResults.Ok(new StartedReferral(number, result.InstanceId!.Value)),
            RestartOutcome.NoSuchCase => NoSuchCase(),
            RestartOutcome.NotAllowed => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: "Administrators and the district's chair only", detail: "Only an administrator or the chair can start a case's referral."),
            RestartOutcome.AlreadyStarted => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "The referral process has started already"),
            RestartOutcome.StoppedByIncident => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "The referral process stopped with an incident", detail: $"Retry incident of instance {result.InstanceId} instead."),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The referral process could not start", detail: result.Message),
        };
    }

    private static ProblemHttpResult NoSuchCase() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such case");
}
