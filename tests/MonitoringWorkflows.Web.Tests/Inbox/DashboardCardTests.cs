using MonitoringWorkflows.Web.Tests.Identity.Support;
using MonitoringWorkflows.Web.Tests.Inbox.Support;

namespace MonitoringWorkflows.Web.Tests.Inbox;

public sealed class DashboardCardTests
{
    [Fact]
    public async Task Home_AgencyMember_SeesOpenAndOverdueCounts_AndALinkToTheInbox()
    {
        await using var site = new InboxSite();
        await site.RecordCaseAsync();
        await site.RecordCaseAsync();
        using var social = await site.SignedInAsync("social@demo.az");
        using var police = await site.SignedInAsync("police@demo.az");

        var socialHome = await social.GetPageAsync("/");
        var policeHome = await police.GetPageAsync("/");

        Assert.Equal("Açıq addımlar: 2, vaxtı keçmiş: 0.", SiteClient.TestId(socialHome, "inbox-counts"));
        Assert.Equal("Açıq addımlar: 0, vaxtı keçmiş: 0.", SiteClient.TestId(policeHome, "inbox-counts"));
        Assert.Contains("href=\"/inbox\"", socialHome);
        Assert.DoesNotContain("qurumunuzun addımlarının siyahısı", socialHome);
    }
}
