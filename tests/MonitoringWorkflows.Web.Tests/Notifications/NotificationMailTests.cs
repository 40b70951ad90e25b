using MonitoringWorkflows.Web.Tests.Support;

namespace MonitoringWorkflows.Web.Tests.Notifications;

public sealed class NotificationMailTests
{
    private static async Task<int> DeliverOneAssignmentAsync(NotificationSite site)
    {
        await site.PublishAsync("StepProcess", Bpmn.Sequence("StepProcess", Bpmn.UserTask("Investigate")));
        await site.StartCaseAsync("StepProcess");
        return await site.Delivery.DeliverAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Deliver_WithoutSmtpHost_SendsNoMail()
    {
        await using var smtp = new SmtpListener();
        await using var site = new NotificationSite(new() { ["Notifications:Smtp:Port"] = smtp.Port.ToString() });

        var written = await DeliverOneAssignmentAsync(site);

        Assert.Equal(1, written);
        Assert.Equal(0, smtp.Connections);
    }

    [Fact]
    public async Task Deliver_WithSmtpHost_MailsEachRecipient()
    {
        await using var smtp = new SmtpListener();
        await using var site = new NotificationSite(new()
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1", ["Notifications:Smtp:Port"] = smtp.Port.ToString(),
            ["Notifications:Smtp:SiteAddress"] = "https://monitoring.example.az",
        });

        await DeliverOneAssignmentAsync(site);

        var (recipient, data) = Assert.Single(smtp.Messages);
        Assert.Equal("police@demo.az", recipient);
        Assert.Contains("https://monitoring.example.az/inbox/", SmtpListener.BodyOf(data));
        Assert.Contains("Step Investigate", SmtpListener.BodyOf(data));
    }

    [Fact]
    public async Task Deliver_SmtpServerDown_StillWritesTheNotification()
    {
        var port = new SmtpListener();
        var closedPort = port.Port;
        await port.DisposeAsync();
        await using var site = new NotificationSite(new()
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1", ["Notifications:Smtp:Port"] = closedPort.ToString(),
        });

        var written = await DeliverOneAssignmentAsync(site);

        Assert.Equal(1, written);
        Assert.Single(await site.ToldAsync());
    }
}
