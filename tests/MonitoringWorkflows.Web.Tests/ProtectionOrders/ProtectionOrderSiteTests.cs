using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Notifications;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.ProtectionOrders;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Tests.Identity.Support;
using MonitoringWorkflows.Web.Tests.Inbox.Support;

namespace MonitoringWorkflows.Web.Tests.ProtectionOrders;

/// <summary>
/// A protection order recorded through the police's step on a high-risk case (the shipped workflows), then listed for
/// the chair and announced before it ends.
/// </summary>
public sealed class ProtectionOrderSiteTests
{
    internal static JsonObject Order(int days, DateTimeOffset issued) => new()
    {
        ["writtenWarningIssued"] = true, ["orderType"] = "short-term-order",
        ["orderIssuedAt"] = issued.ToOffset(TimeSpan.FromHours(4)).ToString("yyyy-MM-dd'T'HH:mm:sszzz"),
        ["orderDurationDays"] = days, ["longTermOrderNeeded"] = false,
    };

    [Fact]
    public async Task Complete_AShortTermOrder_RecordsIt_ListsItForTheChairWithinSevenDays_AndTellsTheChairAndThePoliceOnce()
    {
        await using var site = new InboxSite();
        var (number, step) = await OrderStepAsync(site);
        using var police = await site.SignedInAsync("police@demo.az");
        var issued = DateTimeOffset.UtcNow.AddDays(-1);

        var response = await police.PostAsync($"/api/tasks/{step.Id}/complete", Order(6, issued));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        ProtectionOrderRecord order;
        await using (var db = site.Database())
        {
            order = await db.Set<ProtectionOrderRecord>().SingleAsync();
            var stepCase = await db.Cases.SingleAsync(c => c.Number == number);
            Assert.Equal((stepCase.Id, stepCase.DistrictId, step.InstanceId, ProtectionOrderKind.ShortTerm, "police@demo.az", "Police"),
                (order.CaseId, order.DistrictId, order.ProcessInstanceId, order.Kind, order.RecordedBy, order.Agency));
            Assert.Equal(issued.AddDays(6).ToUnixTimeSeconds(), order.ExpiresAt.ToUnixTimeSeconds());
        }

        using var chair = await site.SignedInAsync("chair@demo.az");
        var soon = (await (await chair.Http.GetAsync("/api/orders?expiringWithinDays=7")).JsonArrayAsync()).Single()!;
        Assert.Equal((number, $"/cases/{number}", "ShortTerm", 5), ((string)soon["caseNumber"]!, (string)soon["caseLink"]!, (string)soon["kind"]!, (int)soon["daysLeft"]!));
        Assert.Empty(await (await chair.Http.GetAsync("/api/orders?expiringWithinDays=3")).JsonArrayAsync());
        var page = await chair.GetPageAsync("/orders");
        Assert.Contains($"href=\"/cases/{number}\"", page);
        Assert.Contains("data-testid=\"ending-soon-mark\"", page);

        await site.Services.GetRequiredService<OrderExpirySweep>().SweepAsync(CancellationToken.None);
        Assert.Equal(0, await site.Services.GetRequiredService<OrderExpirySweep>().SweepAsync(CancellationToken.None));
        await using var check = site.Database();
        var told = await check.Set<NotificationRecord>().Where(n => n.Source == $"order-expiry:{order.Id}").ToListAsync();
        var recipients = await check.Users.Where(u => told.Select(n => n.RecipientId).Contains(u.Id)).Select(u => u.Email).ToListAsync();
        Assert.Equal(["chair@demo.az", "police@demo.az"], recipients.Order());
        Assert.All(told, n => Assert.Equal((NotificationKind.Expiry, number, $"/cases/{number}"), (n.Kind, n.CaseNumber, n.Link)));
    }

    [Fact]
    public async Task Complete_AShortTermOrderOverSixtyDays_IsRefusedWithAFieldError_AndNothingIsRecorded()
    {
        await using var site = new InboxSite();
        var (_, step) = await OrderStepAsync(site);
        using var police = await site.SignedInAsync("police@demo.az");

        var response = await police.PostAsync($"/api/tasks/{step.Id}/complete", Order(61, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal(["orderDurationDays"], problem["errors"]!.AsObject().Select(p => p.Key));
        Assert.Equal(UserTaskStatus.Open, (await site.StepAsync(step.Id)).Status);
        await using var db = site.Database();
        Assert.False(await db.Set<ProtectionOrderRecord>().AnyAsync());
    }

    [Fact]
    public async Task Orders_AreOnlyForTheDistrictsChairAndSecretary()
    {
        await using var site = new InboxSite();
        var (number, step) = await OrderStepAsync(site);
        using (var police = await site.SignedInAsync("police@demo.az"))
            Assert.Equal(HttpStatusCode.OK, (await police.PostAsync($"/api/tasks/{step.Id}/complete", Order(5, DateTimeOffset.UtcNow))).StatusCode);
        await site.AddOtherDistrictAsync();
        await site.CreateMemberAsync("chair@other.az", Roles.Chair, null, "OTHER");
        // Exempt from the chair's second factor, as the demo logins are.
        await using (var db = site.Database())
            await db.Users.Where(u => u.Email == "chair@other.az").ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDemo, true));
        using var secretary = await site.SignedInAsync("secretary@demo.az");
        using var police2 = await site.SignedInAsync("police@demo.az");
        using var admin = await site.SignedInAsync("admin@demo.az");
        using var otherChair = await site.SignedInAsync("chair@other.az", SiteHost.StrongPassword);

        Assert.Contains(number, await secretary.GetPageAsync("/orders?show=all"));
        Assert.Single(await (await secretary.Http.GetAsync("/api/orders")).JsonArrayAsync());
        Assert.Empty(await (await otherChair.Http.GetAsync("/api/orders")).JsonArrayAsync());
        Assert.DoesNotContain(number, await otherChair.GetPageAsync("/orders?show=all"));
        Assert.Equal(HttpStatusCode.Forbidden, (await police2.GetAsync("/api/orders")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police2.GetAsync("/orders")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/orders")).StatusCode);
    }

    [Fact]
    public async Task ExpiringOrders_CountsAndListsTheDistrictsOrdersInForce()
    {
        await using var site = new InboxSite();
        var number = await site.RecordCaseAsync();
        var now = DateTimeOffset.UtcNow;
        int district;
        await using (var db = site.Database())
        {
            var stepCase = await db.Cases.SingleAsync(c => c.Number == number);
            district = stepCase.DistrictId;
            ProtectionOrderRecord Row(long task, ProtectionOrderKind kind, int districtId, double endsInDays) => new()
            {
                CaseId = stepCase.Id, DistrictId = districtId, ProcessInstanceId = stepCase.ProcessInstanceId!.Value, UserTaskId = task, Kind = kind,
                IssuedOn = now.AddDays(-10), Days = 10, ExpiresAt = now.AddDays(endsInDays), RecordedBy = "police@demo.az", RecordedAt = now,
            };
            db.AddRange(Row(1, ProtectionOrderKind.ShortTerm, district, 3), Row(2, ProtectionOrderKind.LongTerm, district, 30),
                Row(3, ProtectionOrderKind.ShortTerm, district, -1), Row(4, ProtectionOrderKind.ShortTerm, district + 1000, 2));
            await db.SaveChangesAsync();
        }
        await using var scope = site.Services.CreateAsyncScope();
        var orders = scope.ServiceProvider.GetRequiredService<ExpiringOrders>();

        Assert.Equal(1, await orders.CountAsync(district, now, 7, CancellationToken.None));
        Assert.Equal(2, await orders.CountAsync(district, now, 30, CancellationToken.None));
        var inForce = await orders.ListAsync(district, now, null, null, CancellationToken.None);
        Assert.Equal([ProtectionOrderKind.ShortTerm, ProtectionOrderKind.LongTerm], inForce.Select(o => o.Kind));
        Assert.All(inForce, o => Assert.Equal(number, o.CaseNumber));
        Assert.Single(await orders.ListAsync(district, now, null, ProtectionOrderKind.LongTerm, CancellationToken.None));
    }

    [Fact]
    public async Task Record_ACourtsLongTermOrder_ReplacesTheCasesShortTermOrder_InTheListAndForTheSweep()
    {
        await using var site = new InboxSite();
        var number = await site.RecordCaseAsync();
        CaseRecord stepCase;
        await using (var db = site.Database()) stepCase = await db.Cases.AsNoTracking().SingleAsync(c => c.Number == number);
        var book = site.Services.GetRequiredService<ProtectionOrderBook>();
        var now = DateTimeOffset.UtcNow;
        UserTaskRecord Step(long id, string formKey, string agency) => new()
        {
            Id = id, InstanceId = stepCase.ProcessInstanceId!.Value, TaskId = (int)id, ElementId = formKey, FormKey = formKey, Agency = agency,
        };

        var shortTerm = await book.RecordAsync(Step(9001, "protection-order", "Police"), stepCase, Order(5, now.AddDays(-1)), "police@demo.az", CancellationToken.None);
        var again = await book.RecordAsync(Step(9001, "protection-order", "Police"), stepCase, Order(5, now.AddDays(-1)), "police@demo.az", CancellationToken.None);
        var court = new JsonObject
        {
            ["courtDecision"] = "granted", ["courtOrderDays"] = 90, ["applicationFiledAt"] = "2026-01-01",
            ["courtDecisionAt"] = now.ToOffset(TimeSpan.FromHours(4)).ToString("yyyy-MM-dd"),
        };
        var longTerm = await book.RecordAsync(Step(9002, "court-order", "Prosecutor"), stepCase, court, "prosecutor@demo.az", CancellationToken.None);

        Assert.NotNull(shortTerm);
        Assert.Null(again); // one order per step
        await using var check = site.Database();
        Assert.Equal(longTerm!.Id, (await check.Set<ProtectionOrderRecord>().SingleAsync(o => o.Id == shortTerm.Id)).ReplacedByOrderId);
        await using var scope = site.Services.CreateAsyncScope();
        var listed = await scope.ServiceProvider.GetRequiredService<ExpiringOrders>().ListAsync(stepCase.DistrictId, now, null, null, CancellationToken.None);
        Assert.Equal([ProtectionOrderKind.LongTerm], listed.Select(o => o.Kind));
        await site.Services.GetRequiredService<OrderExpirySweep>().SweepAsync(CancellationToken.None);
        Assert.False(await check.Set<NotificationRecord>().AnyAsync(n => n.Source == $"order-expiry:{shortTerm.Id}"));
    }

    /// <summary>A case screened as high risk: its protective measures start with the police's order step.</summary>
    internal static async Task<(string Number, UserTaskRecord Step)> OrderStepAsync(InboxSite site)
    {
        var number = await site.RecordCaseAsync();
        var screening = await site.OpenStepAsync(number, "Task_RiskScreening");
        var data = new JsonObject
        {
            ["riskIndicators"] = new JsonArray(), ["professionalJudgement"] = "raise-to-high", ["judgementReason"] = "Threats with a knife.",
            ["needsShelter"] = false, ["needsMedical"] = false, ["needsPsychological"] = false, ["referralAgencies"] = new JsonArray(),
            ["consentToShare"] = true,
        };
        var result = await site.Services.GetRequiredService<WorkflowRunner>().CompleteTaskAsync(screening.Id, data, "social@demo.az", CancellationToken.None);
        Assert.True(result.IsOk, result.Message);
        return (number, await site.OpenStepAsync(number, "Task_ProtectionOrder", "Police"));
    }
}

internal static class JsonArrays
{
    public static async Task<JsonArray> JsonArrayAsync(this HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }
}
