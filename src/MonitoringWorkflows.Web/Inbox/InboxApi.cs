using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using MonitoringWorkflows.Web.Access;
using MonitoringWorkflows.Web.Forms;

namespace MonitoringWorkflows.Web.Inbox;

/// <summary>
/// The inbox under <c>/api/tasks</c>, with the same rules as the pages (<see cref="StepAccess"/>): a user without an
/// inbox gets 403, a step they may not see 404 exactly like a step that does not exist.
/// </summary>
public static class InboxApi
{
    public static RouteGroupBuilder MapInboxApi(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/tasks").WithTags("Tasks");
        tasks.MapGet("/", ListAsync)
            .WithSummary("The signed-in user's steps: filter = open (default), unclaimed, mine, overdue or done; 50 a page, soonest due first.");
        tasks.MapGet("/{id:long}", GetAsync)
            .WithSummary("One step: the case context its agency needs, its form (form-js schema), its input and, once done, its output.");
        tasks.MapPost("/{id:long}/claim", ClaimAsync).WithSummary("Claims an unclaimed step; 409 when someone else holds it.");
        tasks.MapPost("/{id:long}/release", ReleaseAsync).WithSummary("Releases a step this user holds.");
        tasks.MapPost("/{id:long}/complete", CompleteAsync)
            .WithSummary("Completes the step with the form's data as a JSON object: 400 with field errors, 409 when someone else completed it or holds it.");
        return api;
    }

    private static async Task<Results<Ok<TaskList>, ProblemHttpResult>> ListAsync(
        string? filter, int? page, ClaimsPrincipal user, InboxQueries queries, IStringLocalizer<InboxText> text,
        CancellationToken cancellationToken)
    {
        if (StepAccess.HolderOf(user) is not { } holder) return NoInbox(text);
        var found = await queries.ListAsync(holder, InboxFilters.Parse(filter), page ?? 1, cancellationToken);
        return TypedResults.Ok(TaskList.Of(found, holder));
    }

    private static async Task<Results<Ok<TaskDetail>, ProblemHttpResult>> GetAsync(
        long id, ClaimsPrincipal user, InboxQueries queries, CaseViewAudit audit, IStringLocalizer<InboxText> text,
        CancellationToken cancellationToken)
    {
        if (StepAccess.HolderOf(user) is not { } holder) return NoInbox(text);
        if (await queries.FindAsync(holder, id, cancellationToken) is not { } view) return NotFound(text);
        // A step shows case data: it is a view of the case, recorded before anything is answered.
        await audit.RecordAsync(user, view.CaseRecord, CaseViewChannels.Api, cancellationToken);
        return TypedResults.Ok(TaskDetail.Of(view, holder));
    }

    private static async Task<Results<Ok<ClaimAnswer>, ProblemHttpResult>> ClaimAsync(
        long id, ClaimsPrincipal user, StepClaims claims, IStringLocalizer<InboxText> text, CancellationToken cancellationToken)
    {
        if (StepAccess.HolderOf(user) is not { } holder) return NoInbox(text);
        return Answer(await claims.ClaimAsync(holder, id, cancellationToken), text);
    }

    private static async Task<Results<Ok<ClaimAnswer>, ProblemHttpResult>> ReleaseAsync(
        long id, ClaimsPrincipal user, StepClaims claims, IStringLocalizer<InboxText> text, CancellationToken cancellationToken)
    {
        if (StepAccess.HolderOf(user) is not { } holder) return NoInbox(text);
        return Answer(await claims.ReleaseAsync(holder, id, cancellationToken), text);
    }

    private static async Task<Results<Ok<CompletionAnswer>, ValidationProblem, ProblemHttpResult>> CompleteAsync(
        long id, HttpContext http, StepCompletion completion, IStringLocalizer<InboxText> text,
        IStringLocalizer<FormsText> fieldText, CancellationToken cancellationToken)
    {
        if (StepAccess.HolderOf(http.User) is not { } holder) return NoInbox(text);
        var data = await RequestJson.ReadObjectAsync(http.Request, FormValidator.MaxPayloadBytes, cancellationToken);
        if (data.Problem is { } problem) return TypedResults.Problem(statusCode: problem.Status, title: text[problem.TitleKey]);
        var result = await completion.CompleteAsync(holder, id, data.Value!, cancellationToken);
        var echo = new Dictionary<string, object?> { ["data"] = data.Value };
        return result.Outcome switch
        {
            CompletionOutcome.Completed => TypedResults.Ok(new CompletionAnswer("completed", result.Message)),
            CompletionOutcome.Incident => TypedResults.Ok(new CompletionAnswer("incident", result.Message)),
            CompletionOutcome.NotFound => NotFound(text),
            CompletionOutcome.Invalid => TypedResults.ValidationProblem(fieldText.ByKey(result.Check!.Errors),
                title: result.Message, extensions: echo),
            CompletionOutcome.Rejected => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                title: result.Message, extensions: echo),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: result.Message, extensions: echo),
        };
    }

    private static Results<Ok<ClaimAnswer>, ProblemHttpResult> Answer(ClaimResult result, IStringLocalizer<InboxText> text) =>
        result.Outcome switch
        {
            ClaimOutcome.Claimed or ClaimOutcome.Released => TypedResults.Ok(new ClaimAnswer(result.Outcome.ToString().ToLowerInvariant())),
            ClaimOutcome.NotFound => NotFound(text),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: ClaimMessages.Of(result, text)),
        };

    private static ProblemHttpResult NoInbox(IStringLocalizer<InboxText> text) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: text["Inbox_None"]);

    private static ProblemHttpResult NotFound(IStringLocalizer<InboxText> text) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: text["Step_NotFound"]);
}

public sealed record ClaimAnswer(string Outcome);

public sealed record CompletionAnswer(string Outcome, string Message);

/// <summary>The messages of a refused claim or release, shared by the API and the step page.</summary>
public static class ClaimMessages
{
    public static string Of(ClaimResult result, IStringLocalizer<InboxText> text) => result.Outcome switch
    {
        ClaimOutcome.ClaimedByOther => text["Claim_AlreadyClaimed", result.ClaimedByName ?? ""],
        ClaimOutcome.NotOpen => text["Claim_NotOpen"],
        ClaimOutcome.NotYours => text["Claim_NotYours"],
        ClaimOutcome.NotFound => text["Step_NotFound"],
        ClaimOutcome.Released => text["Claim_Released"],
        _ => text["Claim_Claimed"],
    };
}
