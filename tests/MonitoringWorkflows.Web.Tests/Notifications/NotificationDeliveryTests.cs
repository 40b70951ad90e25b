using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Notifications;
using MonitoringWorkflows.Web.Tests.Support;

namespace MonitoringWorkflows.Web.Tests.Notifications;

public sealed class NotificationDeliveryTests
{
    private static string Notify(string attribute) => Bpmn.Sequence("NotifyProcess",
        $"""
        <bpmn:serviceTask id="Tell" mw:action="notify">
          <bpmn:extensionElements>
            <mw:input target="{attribute}" source="{(attribute == "role" ? "Chair" : "Police")}" />
            <mw:input target="subject" source="High risk case" />
            <mw:input target="text" source="Please look at it today." />
          </bpmn:extensionElements>
        </bpmn:serviceTask>
        """);

    [Fact]
    public async Task Deliver_NotifyForARole_TellsThatRoleInTheCaseDistrictOnly()
    {
        await using var site = new NotificationSite();
        await site.AddOtherDistrictAsync();
        await site.PublishAsync("NotifyProcess", Notify("role"));
        var (number, _) = await site.StartCaseAsync("NotifyProcess");

        await site.Delivery.DeliverAsync(CancellationToken.None);

        var told = Assert.Single(await site.ToldAsync());
        Assert.Equal(("chair@demo.az", NotificationKind.Message, $"/cases/{number}"), (told.Email, told.Kind, told.Link));
    }

    [Fact]
    public async Task Deliver_NotifyForAnAgency_TellsItsMembersInTheCaseDistrictOnly()
    {
        await using var site = new NotificationSite();
        await site.AddOtherDistrictAsync();
        await site.CreateUserAsync("police2@demo.az", Roles.AgencyMember, AgencyCodes.Police);
        await site.CreateUserAsync("registrar-police@demo.az", Roles.Registrar, AgencyCodes.Police);
        await site.PublishAsync("NotifyProcess", Notify("agency"));
        await site.StartCaseAsync("NotifyProcess");

        await site.Delivery.DeliverAsync(CancellationToken.None);

        var told = await site.ToldAsync();
        Assert.Equal(["police2@demo.az", "police@demo.az"], told.Select(t => t.Email).Order(StringComparer.Ordinal));
        Assert.All(told, t => Assert.Equal(NotificationKind.Message, t.Kind));
    }

    [Fact]
    public async Task Deliver_NotifyInACaseOfAnotherDistrict_TellsThatDistrictsChair()
    {
        await using var site = new NotificationSite();
        await site.AddOtherDistrictAsync();
        await site.PublishAsync("NotifyProcess", Notify("role"));
        await site.StartCaseAsync("NotifyProcess", "OTHER");

        await site.Delivery.DeliverAsync(CancellationToken.None);

        Assert.Equal("chair@other.az", Assert.Single(await site.ToldAsync()).Email);
    }

    [Fact]
    public async Task Deliver_RepeatedAndRacing_TellsEachUserOnceAndMarksTheMessageProcessed()
    {
        await using var site = new NotificationSite();
        await site.PublishAsync("NotifyProcess", Notify("agency"));
        var (_, instanceId) = await site.StartCaseAsync("NotifyProcess");

        var raced = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => site.Delivery.DeliverAsync(CancellationToken.None)));
        var again = await site.Delivery.DeliverAsync(CancellationToken.None);

        Assert.Equal(1, raced.Sum());
        Assert.Equal(0, again);
        Assert.Equal("police@demo.az", Assert.Single(await site.ToldAsync()).Email);
        await using var db = site.Db();
        var message = await db.OutboxMessages.SingleAsync(o => o.InstanceId == instanceId);
        Assert.Equal(site.Time.GetUtcNow(), message.ProcessedAt);
    }

    [Fact]
    public async Task Deliver_NewStep_TellsItsHoldersWithALinkToTheInboxStepOnce()
    {
        await using var site = new NotificationSite();
        await site.AddOtherDistrictAsync();
        await site.PublishAsync("StepProcess", Bpmn.Sequence("StepProcess", Bpmn.UserTask("Investigate")));
        var (number, instanceId) = await site.StartCaseAsync("StepProcess");
        await using var db = site.Db();
        var step = await db.UserTasks.SingleAsync(t => t.InstanceId == instanceId);

        await site.Delivery.DeliverAsync(CancellationToken.None);
        await site.Delivery.DeliverAsync(CancellationToken.None);

        var told = Assert.Single(await site.ToldAsync());
        Assert.Equal(("police@demo.az", NotificationKind.Assignment, $"/inbox/{step.Id}"), (told.Email, told.Kind, told.Link));
        var notification = await db.Set<NotificationRecord>().SingleAsync();
        Assert.Equal((number, "Step Investigate"), (notification.CaseNumber, notification.Subject));
    }

    [Fact]
    public async Task Deliver_StepForARole_TellsTheRoleHolders()
    {
        await using var site = new NotificationSite();
        await site.PublishAsync("ReviewProcess", Bpmn.Sequence("ReviewProcess",
            """<bpmn:userTask id="Review" name="Review the case" mw:role="Secretary" />"""));
        await site.StartCaseAsync("ReviewProcess");

        await site.Delivery.DeliverAsync(CancellationToken.None);

        var told = Assert.Single(await site.ToldAsync());
        Assert.Equal(("secretary@demo.az", NotificationKind.Assignment), (told.Email, told.Kind));
    }

    [Fact]
    public async Task Deliver_StepClosedBeforeDelivery_TellsNobody()
    {
        await using var site = new NotificationSite();
        await site.PublishAsync("StepProcess", Bpmn.Sequence("StepProcess", Bpmn.UserTask("Investigate")));
        var (_, instanceId) = await site.StartCaseAsync("StepProcess");
        var runner = site.Services.GetRequiredService<MonitoringWorkflows.Web.Runtime.WorkflowRunner>();
        await using (var db = site.Db())
        {
            var step = await db.UserTasks.SingleAsync(t => t.InstanceId == instanceId);
            Assert.True((await runner.CompleteTaskAsync(step.Id, null, "police@demo.az", CancellationToken.None)).IsOk);
        }

        await site.Delivery.DeliverAsync(CancellationToken.None);

        Assert.Empty(await site.ToldAsync());
    }
}
