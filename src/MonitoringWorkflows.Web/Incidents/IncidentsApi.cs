using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Runtime;

namespace MonitoringWorkflows.Web.Incidents;

public sealed record CancelIncidentRequest(string? Reason);

public sealed record IncidentOutcome(long IncidentId, string Outcome, string Message);

/// <summary>
/// Incidents over the API: administrators see and act on all of them with their technical details, the chair on their
/// district's. An incident the caller may not see answers 404, like one that does not exist or is already resolved.
/// </summary>
public static class IncidentsApi
{
    public static RouteGroupBuilder MapIncidentsApi(this RouteGroupBuilder api)
    {
        var incidents = api.MapGroup("/incidents").RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Chair));
        incidents.MapGet("", ListAsync)
            .WithSummary("Unresolved incidents, newest first (at most 500): all with details for administrators, the district's for the chair.");
        incidents.MapPost("/{id:long}/retry", RetryAsync)
            .WithSummary("Applies the failed step again, once its cause is fixed; journaled on the instance with who asked and the outcome.");
        incidents.MapPost("/{id:long}/cancel", CancelAsync)
            .WithSummary("Cancels the case's process (its top-level instance, with every called process); a reason is required and journaled.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<IncidentRow>>> ListAsync(ClaimsPrincipal user, IncidentList list, CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.OpenAsync(user, cancellationToken));

    private static async Task<Results<Ok<IncidentOutcome>, ProblemHttpResult>> RetryAsync(long id, ClaimsPrincipal user, IncidentActions actions,
        IStringLocalizer<IncidentsText> text, CancellationToken cancellationToken) =>
        Answer(id, await actions.RetryAsync(user, id, cancellationToken), text["Retried"], text, user.IsInRole(Roles.Administrator));

    private static async Task<Results<Ok<IncidentOutcome>, ProblemHttpResult, ValidationProblem>> CancelAsync(long id, CancelIncidentRequest request,
        ClaimsPrincipal user, IncidentActions actions, IStringLocalizer<IncidentsText> text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [text["ReasonRequired"]] });
        var answer = Answer(id, await actions.CancelAsync(user, id, request.Reason.Trim(), cancellationToken), text["Cancelled"], text,
            user.IsInRole(Roles.Administrator));
        return answer.Result is Ok<IncidentOutcome> ok ? ok : (ProblemHttpResult)answer.Result;
    }

    /// <summary>The engine's message is technical: administrators get it, the chair the plain sentence.</summary>
    internal static Results<Ok<IncidentOutcome>, ProblemHttpResult> Answer(long id, RunResult result, string done,
        IStringLocalizer<IncidentsText> text, bool details)
    {
        return result.Outcome switch
        {
            RunOutcome.Ok => TypedResults.Ok(new IncidentOutcome(id, "ok", done)),
            RunOutcome.NotFound => TypedResults.Problem(text["NotFound"], statusCode: StatusCodes.Status404NotFound),
            _ => TypedResults.Problem(MessageOf(result, done, text, details), statusCode: StatusCodes.Status409Conflict),
        };
    }

    /// <summary>The sentence for a retry or cancel that found its incident (the API's and the page's); the engine's message for administrators only.</summary>
    internal static string MessageOf(RunResult result, string done, IStringLocalizer<IncidentsText> text, bool details)
    {
        var technical = details && !result.IsOk ? $" {result.Message}" : "";
        return result.Outcome switch
        {
            RunOutcome.Ok => done,
            RunOutcome.Incident => text["FailedAgain"] + technical,
            _ => text["NotDone"] + technical,
        };
    }
}
