using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MonitoringWorkflows.Web.Designer.TestRuns;

/// <summary>Sandboxed test runs of drafts (administrators; each sees only their own runs).</summary>
public static class TestRunsApi
{
    public static RouteGroupBuilder MapTestRunsApi(this RouteGroupBuilder designer)
    {
        var runs = designer.MapGroup("/test-runs");
        runs.MapPost("/", StartAsync)
            .WithSummary("Starts a test run of posted BPMN XML (a draft) or of a published version, with sample variables. Nothing reaches real cases: no rows, no timers on the clock, no notifications.");
        runs.MapGet("/{id:guid}", (Guid id, ClaimsPrincipal user, TestRunControl tests, CancellationToken cancellationToken) =>
                AnswerAsync(tests.ViewAsync(id, Owner(user), cancellationToken)))
            .WithSummary("A test run: its instances with tokens and variables, open tasks, pending timers, journal, recorded actions and incidents.");
        runs.MapPost("/{id:guid}/tasks/{task}/complete", (Guid id, string task, [FromBody] JsonObject? data, ClaimsPrincipal user, TestRunControl tests,
                CancellationToken cancellationToken) => AnswerAsync(tests.CompleteAsync(id, Owner(user), task, data, cancellationToken)))
            .WithSummary("Completes an open task of the run (by its id in the run, or by its element id) with the posted JSON as its data.");
        runs.MapPost("/{id:guid}/timers/{timer:int}/fire", (Guid id, int timer, ClaimsPrincipal user, TestRunControl tests, CancellationToken cancellationToken) =>
                AnswerAsync(tests.FireAsync(id, Owner(user), timer, cancellationToken)))
            .WithSummary("Fires a pending timer of the run now; the run's clock moves on to the timer's due time.");
        runs.MapPost("/{id:guid}/messages", MessageAsync)
            .WithSummary("Delivers a message {name, data} to the run's instance waiting for it.");
        runs.MapDelete("/{id:guid}", (Guid id, ClaimsPrincipal user, TestRunControl tests) =>
            {
                // Idempotent: a run already forgotten (deleted, expired) is answered like one deleted now.
                tests.Delete(id, Owner(user));
                return TypedResults.NoContent();
            })
            .WithSummary("Forgets a test run (idempotent).");
        return designer;
    }

    private static async Task<Results<Created<TestRunView>, ProblemHttpResult, ValidationProblem>> StartAsync(StartTestRun body, ClaimsPrincipal user,
        TestRunControl tests, CancellationToken cancellationToken)
    {
        var answer = await tests.StartAsync(body, Owner(user), cancellationToken);
        if (answer.Errors is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["xml"] = errors.ToArray() });
        if (answer.Run is not { } run)
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Too many test runs", detail: answer.Result.Message);
        return TypedResults.Created($"/api/designer/test-runs/{run.Id}", run);
    }

    private static Task<IResult> MessageAsync(Guid id, TestMessage body, ClaimsPrincipal user, TestRunControl tests, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Name))
            return Task.FromResult<IResult>(TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["Name the message."] }));
        return AnswerAsync(tests.MessageAsync(id, Owner(user), body, cancellationToken));
    }

    /// <summary>The run as it is now; a refused or failed step is a problem that carries the run too, so the page can redraw it.</summary>
    private static async Task<IResult> AnswerAsync(Task<TestRunAnswer> pending)
    {
        var answer = await pending;
        if (answer.Run is null) return NoRun();
        return answer.Result.Outcome switch
        {
            TestRunOutcome.Ok => TypedResults.Ok(answer.Run),
            TestRunOutcome.Rejected => Problem(StatusCodes.Status409Conflict, "Refused", answer),
            _ => Problem(StatusCodes.Status422UnprocessableEntity, "Incident", answer),
        };
    }

    private static ProblemHttpResult Problem(int status, string title, TestRunAnswer answer) =>
        TypedResults.Problem(statusCode: status, title: title, detail: answer.Result.Message,
            extensions: new Dictionary<string, object?> { ["run"] = answer.Run });

    private static ProblemHttpResult NoRun() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such test run",
        detail: "There is no such test run (it may have expired).");

    private static string Owner(ClaimsPrincipal user) => user.Identity?.Name ?? "administrator";
}
