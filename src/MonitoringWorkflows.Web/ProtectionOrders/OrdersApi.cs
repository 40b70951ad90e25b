using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Organisation;

namespace MonitoringWorkflows.Web.ProtectionOrders;

/// <summary>An order in force as the API shows it, with its case's page.</summary>
public sealed record OrderView(long Id, string CaseNumber, string CaseLink, string Kind, string? Agency, DateTimeOffset IssuedOn, int Days,
    DateTimeOffset ExpiresAt, int DaysLeft)
{
    internal static OrderView Of(OrderRow row, DateTimeOffset now) => new(row.Id, row.CaseNumber,
        $"/cases/{Uri.EscapeDataString(row.CaseNumber)}", row.Kind.ToString(), row.Agency, row.IssuedOn, row.Days, row.ExpiresAt, row.DaysLeft(now));
}

public static class OrdersApi
{
    /// <summary>The district's protection orders under <c>/api/orders</c>, for its chair and secretary.</summary>
    public static RouteGroupBuilder MapOrdersApi(this RouteGroupBuilder api)
    {
        api.MapGet("/orders", ListAsync).WithTags("Protection orders")
            .WithSummary("The protection orders in force in the caller's district, soonest ending first; expiringWithinDays=7 for those ending " +
                "within 7 days, kind=ShortTerm|LongTerm to choose one kind (chair and secretary).");
        return api;
    }

    private static async Task<Results<Ok<List<OrderView>>, ProblemHttpResult, ValidationProblem>> ListAsync(
        int? expiringWithinDays, string? kind, ClaimsPrincipal user, ExpiringOrders orders, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!OrderReaders.May(user) || user.DistrictIdOf() is not { } district)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Chair or secretary only",
                detail: "Protection orders are shown to the chair and the secretary of their district.");
        if (expiringWithinDays is < 0 or > 3660)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["expiringWithinDays"] = ["Give a number of days from 0 to 3660."] });
        ProtectionOrderKind? only = null;
        if (kind is not null)
        {
            if (!Enum.TryParse<ProtectionOrderKind>(kind, ignoreCase: true, out var parsed))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = ["ShortTerm or LongTerm."] });
            only = parsed;
        }
        var now = time.GetUtcNow();
        var rows = await orders.ListAsync(district, now, expiringWithinDays, only, cancellationToken);
        return TypedResults.Ok(rows.Select(r => OrderView.Of(r, now)).ToList());
    }
}

/// <summary>Who reads a district's protection orders: its chair and secretary, who see all its cases.</summary>
public static class OrderReaders
{
    public static bool May(ClaimsPrincipal user) => user.IsInRole(Roles.Chair) || user.IsInRole(Roles.Secretary);
}
