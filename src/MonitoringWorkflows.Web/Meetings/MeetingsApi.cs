using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MonitoringWorkflows.Web.Organisation;

namespace MonitoringWorkflows.Web.Meetings;

/// <summary>
/// Group review meetings over the API, for the chair and the secretary of the meeting's district (403 for other roles;
/// a meeting of another district is a 404 like one that does not exist). Once the minutes are closed every change is
/// refused with 409.
/// </summary>
public static class MeetingsApi
{
    public static RouteGroupBuilder MapMeetingsApi(this RouteGroupBuilder api)
    {
        var meetings = api.MapGroup("/meetings").RequireAuthorization(policy => policy.RequireRole(Roles.Chair, Roles.Secretary));
        meetings.MapGet("", ListAsync).WithSummary("The district's meetings: not yet closed (soonest first) and closed (latest first).");
        meetings.MapPost("", ScheduleAsync)
            .WithSummary("Schedules a meeting (date, time, place); its agenda is proposed at once: grave and high-risk cases, cases whose group review waits for a decision, repeat cases, cases with outstanding actions.").Documented(StatusCodes.Status201Created);
        meetings.MapGet("/{id:long}", GetAsync).WithSummary("A meeting: agenda with reasons, attendance, decisions and actions; the minutes once closed.");
        meetings.MapPost("/{id:long}/agenda/propose", ProposeAsync).WithSummary("Adds the cases proposed now that are not on the agenda yet.").Documented();
        meetings.MapPost("/{id:long}/agenda", AddCaseAsync).WithSummary("Puts a case of the district on the agenda by its number.").Documented();
        meetings.MapDelete("/{id:long}/agenda/{itemId:long}", RemoveAsync).WithSummary("Takes a case off the agenda (nothing to do when it is not on it).").Documented();
        meetings.MapPut("/{id:long}/attendance", AttendanceAsync).WithSummary("Records per agency whether it was present and who attended.").Documented();
        meetings.MapPut("/{id:long}/agenda/{itemId:long}/decision", DecideAsync)
            .WithSummary("Records the group's decision on a case: text, outcome code (actions, monitoring, noFurtherAction, postponed) and actions, each with an agency and a due date after today.").Documented();
        meetings.MapPost("/{id:long}/close", CloseAsync)
            .WithSummary("Closes the minutes (body {\"confirm\": true}): each decision goes to its case's group review as the message groupReviewDecision, each action becomes a step for its agency; cases not waiting for a decision get it recorded in their journal. Read-only afterwards.").Documented();
        return api;
    }

    private static async Task<Ok<MeetingList>> ListAsync(ClaimsPrincipal user, MeetingBook book, CancellationToken cancellationToken) =>
        TypedResults.Ok(await book.ListAsync(user, cancellationToken));

    private static async Task<Results<Ok<MeetingView>, ProblemHttpResult>> GetAsync(long id, ClaimsPrincipal user, MeetingBook book,
        CancellationToken cancellationToken) =>
        await book.FindAsync(user, id, cancellationToken) is { } meeting ? TypedResults.Ok(meeting) : NoSuchMeeting();

    private static async Task<IResult> ScheduleAsync([FromBody] ScheduleRequest request, ClaimsPrincipal user, MeetingEditor editor,
        MeetingBook book, CancellationToken cancellationToken)
    {
        var change = await editor.ScheduleAsync(user, request, cancellationToken);
        if (change.Outcome != ChangeOutcome.Ok) return Answer(change);
        return TypedResults.Created($"/api/meetings/{change.Id}", await book.FindAsync(user, change.Id!.Value, cancellationToken));
    }

    private static Task<IResult> ProposeAsync(long id, ClaimsPrincipal user, MeetingEditor editor, MeetingBook book, CancellationToken cancellationToken) =>
        ThenShowAsync(editor.ProposeAsync(user, id, cancellationToken), user, id, book, cancellationToken);

    private static Task<IResult> AddCaseAsync(long id, [FromBody] AgendaCaseRequest request, ClaimsPrincipal user, MeetingEditor editor,
        MeetingBook book, CancellationToken cancellationToken) =>
        ThenShowAsync(editor.AddCaseAsync(user, id, request, cancellationToken), user, id, book, cancellationToken);

    private static Task<IResult> RemoveAsync(long id, long itemId, ClaimsPrincipal user, MeetingEditor editor, MeetingBook book,
        CancellationToken cancellationToken) =>
        ThenShowAsync(editor.RemoveItemAsync(user, id, itemId, cancellationToken), user, id, book, cancellationToken);

    private static Task<IResult> AttendanceAsync(long id, [FromBody] AttendanceRequest request, ClaimsPrincipal user, MeetingEditor editor,
        MeetingBook book, CancellationToken cancellationToken) =>
        ThenShowAsync(editor.AttendanceAsync(user, id, request, cancellationToken), user, id, book, cancellationToken);

    private static Task<IResult> DecideAsync(long id, long itemId, [FromBody] DecisionRequest request, ClaimsPrincipal user,
        MeetingEditor editor, MeetingBook book, CancellationToken cancellationToken) =>
        ThenShowAsync(editor.DecideAsync(user, id, itemId, request, cancellationToken), user, id, book, cancellationToken);

    private static Task<IResult> CloseAsync(long id, [FromBody] CloseRequest request, ClaimsPrincipal user, MinutesClosing closing,
        MeetingBook book, CancellationToken cancellationToken) =>
        ThenShowAsync(closing.CloseAsync(user, id, request, cancellationToken), user, id, book, cancellationToken);

    private static async Task<IResult> ThenShowAsync(Task<MeetingChange> changing, ClaimsPrincipal user, long id, MeetingBook book,
        CancellationToken cancellationToken)
    {
        var change = await changing;
        if (change.Outcome != ChangeOutcome.Ok) return Answer(change);
        return TypedResults.Ok(await book.FindAsync(user, id, cancellationToken));
    }

    private static IResult Answer(MeetingChange change) => change.Outcome switch
    {
        ChangeOutcome.Invalid => TypedResults.ValidationProblem(change.Errors!),
        ChangeOutcome.Closed => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The minutes are closed",
            detail: "A closed meeting's minutes are read-only."),
        _ => NoSuchMeeting(),
    };

    /// <summary>What a change answers, for the OpenAPI document: the meeting as it now is, or a problem.</summary>
    private static RouteHandlerBuilder Documented(this RouteHandlerBuilder endpoint, int status = StatusCodes.Status200OK) => endpoint
        .Produces<MeetingView>(status).ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static ProblemHttpResult NoSuchMeeting() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such meeting");
}
