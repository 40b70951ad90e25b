using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Access;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Scheduling;

/// <summary>Operations on the clock: the pending timers of an instance, and moving one (administrators).</summary>
public static class SchedulingApi
{
    public static RouteGroupBuilder MapSchedulingApi(this RouteGroupBuilder api)
    {
        api.MapGet("/instances/{id:long}/timers", ListAsync)
            .WithSummary("The pending timers of an instance, soonest first (chair and secretary of the case's district, administrators).");
        api.MapPost("/timers/{id:long}/reschedule", RescheduleAsync)
            .WithSummary("Moves a pending timer to a new due time and writes it in the instance's journal (administrators).");
        return api;
    }

    private static async Task<Results<Ok<List<TimerView>>, ProblemHttpResult>> ListAsync(long id, ClaimsPrincipal user,
        WorkflowDbContext db, CaseAccess access, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Administrator) && !user.IsInRole(Roles.Chair) && !user.IsInRole(Roles.Secretary))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Chair, secretary or administrator only");
        var instance = await db.ProcessInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        // One answer for an instance that does not exist and one of another district: the caller learns nothing.
        if (instance is null || !await MaySeeAsync(access, user, instance.BusinessKey, cancellationToken))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such instance");
        var timers = await db.Timers.AsNoTracking().Where(t => t.InstanceId == id && t.Status == TimerStatus.Pending).ToListAsync(cancellationToken);
        return TypedResults.Ok(timers.OrderBy(t => t.DueAt).Select(TimerView.Of).ToList());
    }

    private static async Task<Results<Ok<TimerView>, ProblemHttpResult, ValidationProblem>> RescheduleAsync(long id, RescheduleTimer body,
        ClaimsPrincipal user, TimerRescheduling rescheduling, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Administrator))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Administrators only", detail: "Only an administrator can move a timer.");
        if (body.DueAt is not { } dueAt)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["dueAt"] = ["Give the new due time (ISO 8601 with an offset)."] });
        if (body.Reason is { Length: > 500 })
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["At most 500 characters."] });
        var (outcome, timer) = await rescheduling.RescheduleAsync(id, dueAt, user.Identity?.Name ?? "administrator", cancellationToken,
            string.IsNullOrWhiteSpace(body.Reason) ? null : body.Reason.Trim());
        return outcome switch
        {
            RescheduleOutcome.Moved => TypedResults.Ok(TimerView.Of(timer!)),
            RescheduleOutcome.NotPending => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The timer is no longer pending",
                detail: $"Timer {id} is {timer!.Status}: only a pending timer can be moved."),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such timer", detail: $"There is no timer {id}."),
        };
    }

    /// <summary>
    /// Administrators see every instance's timers (timing only, no case data); the chair and secretary those of the
    /// cases they may see, by the one need-to-know rule (the business key is the case number).
    /// </summary>
    private static async Task<bool> MaySeeAsync(CaseAccess access, ClaimsPrincipal user, string? businessKey, CancellationToken cancellationToken) =>
        user.IsInRole(Roles.Administrator)
        || (businessKey is not null && await access.VisibleTo(user).AnyAsync(c => c.Number == businessKey, cancellationToken));
}

public sealed record TimerView(long Id, long InstanceId, string ElementId, DateTimeOffset DueAt, string Status)
{
    internal static TimerView Of(TimerRecord timer) => new(timer.Id, timer.InstanceId, timer.ElementId, timer.DueAt, timer.Status.ToString());
}

/// <summary>The new due time (a time already past fires the timer at once) and why, for the journal.</summary>
public sealed record RescheduleTimer(DateTimeOffset? DueAt, string? Reason = null);
