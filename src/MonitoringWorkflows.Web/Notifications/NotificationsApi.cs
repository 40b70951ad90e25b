using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MonitoringWorkflows.Web.Notifications;

/// <summary>A notification as the API shows it.</summary>
public sealed record NotificationItem(
    long Id, string Kind, string Subject, string? Text, string? CaseNumber, string? Link, DateTimeOffset? DueAt,
    DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public static NotificationItem Of(NotificationRecord n) =>
        new(n.Id, n.Kind.ToString(), n.Subject, n.Text, n.CaseNumber, n.Link, n.DueAt, n.CreatedAt, n.ReadAt);
}

/// <summary>How many were marked read.</summary>
public sealed record MarkedRead(int Count);

public static class NotificationsApi
{
    /// <summary>The signed-in user's notifications under <c>/api/notifications</c>.</summary>
    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("Notifications");
        notifications.MapGet("/", ListAsync)
            .WithSummary("The signed-in user's newest notifications (at most 100), newest first; unread=true for the unread only.");
        notifications.MapPost("/{id:long}/read", MarkReadAsync)
            .WithSummary("Marks one of the user's notifications read (404 if the user has no such notification).");
        notifications.MapPost("/read-all", MarkAllReadAsync)
            .WithSummary("Marks all of the user's unread notifications read.");
        return api;
    }

    private static async Task<Ok<List<NotificationItem>>> ListAsync(
        bool? unread, ClaimsPrincipal user, NotificationList list, CancellationToken cancellationToken) =>
        TypedResults.Ok((await list.NewestAsync(user, unread == true, cancellationToken)).Select(NotificationItem.Of).ToList());

    private static async Task<Results<NoContent, NotFound>> MarkReadAsync(
        long id, ClaimsPrincipal user, NotificationList list, CancellationToken cancellationToken) =>
        await list.MarkReadAsync(user, id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Ok<MarkedRead>> MarkAllReadAsync(ClaimsPrincipal user, NotificationList list, CancellationToken cancellationToken) =>
        TypedResults.Ok(new MarkedRead(await list.MarkAllReadAsync(user, cancellationToken)));
}
