using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MonitoringWorkflows.Web.Designer.Versions;
using MonitoringWorkflows.Web.Tests.Designer.Support;

namespace MonitoringWorkflows.Web.Tests.Designer;

public sealed class VersionsApiTests : IAsyncLifetime
{
    private readonly DesignerSite site = new();

    public async Task InitializeAsync()
    {
        await site.PublishAsync("referralDemo", VersionDiffTests.Before);
        await site.PublishAsync("referralDemo", VersionDiffTests.After);
    }

    [Fact]
    public async Task Versions_ListsThePublishedVersionsNewestFirstWithTheirRunningInstances()
    {
        using var admin = await site.AdminAsync();
        await site.Get<MonitoringWorkflows.Web.Runtime.WorkflowRunner>().StartAsync("referralDemo", null, null, "test", CancellationToken.None);

        var versions = (await admin.Site.Http.GetFromJsonAsync<List<VersionView>>("/api/designer/processes/referralDemo/versions"))!;

        Assert.Equal([2, 1], versions.Select(v => v.Version));
        Assert.Equal([1, 0], versions.Select(v => v.RunningInstances));
        Assert.Equal(DesignerSite.Admin, versions[0].PublishedBy);
    }

    [Fact]
    public async Task Export_AnswersTheVersionAsANamedBpmnFile()
    {
        using var admin = await site.AdminAsync();

        var response = await admin.GetAsync("/api/designer/processes/referralDemo/versions/1/bpmn");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("referralDemo-v1.bpmn", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(VersionDiffTests.Before, await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/designer/processes/referralDemo/versions/9/bpmn")).StatusCode);
    }

    [Fact]
    public async Task Diff_AnswersAddedRemovedAndChangedByElementId()
    {
        using var admin = await site.AdminAsync();

        var diff = await admin.Site.Http.GetFromJsonAsync<JsonObject>("/api/designer/processes/referralDemo/diff?from=1&to=2");

        Assert.Equal(["F_Health", "HealthCheck"], diff!["added"]!.AsArray().Select(e => (string)e!["id"]!));
        Assert.Equal(["F_FollowUp", "FollowUp"], diff["removed"]!.AsArray().Select(e => (string)e!["id"]!));
        Assert.Equal(["F_High", "F_Low", "Screen"], diff["changed"]!.AsArray().Select(e => (string)e!["id"]!));
    }

    [Fact]
    public async Task VersionPages_ShowTheHistoryAndTheDiffToTheAdministratorOnly()
    {
        using var admin = await site.AdminAsync();
        using var chair = await site.SignedInAsync("chair@demo.az");

        var history = await admin.Site.GetPageAsync("/designer/processes/referralDemo/versions");
        var diff = await admin.Site.GetPageAsync("/designer/processes/referralDemo/diff?from=1&to=2");

        Assert.Contains("/api/designer/processes/referralDemo/versions/1/bpmn", history);
        Assert.Contains("data-testid=\"version-2\"", history);
        Assert.Contains("HealthCheck", diff);
        Assert.Equal(HttpStatusCode.Forbidden, (await chair.GetAsync("/designer/processes/referralDemo/versions")).StatusCode);
    }

    [Fact]
    public async Task Restore_MakesTheVersionTheDraft_AndARestoreFromAStaleRevisionIsAConflict()
    {
        using var admin = await site.AdminAsync();

        var restored = await admin.PostAsync("/api/designer/processes/referralDemo/versions/1/restore", """{ "expectedRevision": 0 }""");
        var stale = await admin.PostAsync("/api/designer/processes/referralDemo/versions/2/restore", """{ "expectedRevision": 0 }""");

        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        var draft = (await restored.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(VersionDiffTests.Before, (string)draft["content"]!);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var revision = (int)draft["revision"]!;
        var again = await admin.PostAsync("/api/designer/processes/referralDemo/versions/2/restore", $$"""{ "expectedRevision": {{revision}} }""");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task RestoreButton_OpensTheDesignerOnTheRestoredDraft()
    {
        using var admin = await site.AdminAsync();

        var response = await admin.Site.PostFormAsync("/designer/processes/referralDemo/versions",
            new Dictionary<string, string> { ["version"] = "1", ["expectedRevision"] = "0" }, "/designer/processes/referralDemo/versions?handler=Restore");
        var stale = await admin.Site.PostFormAsync("/designer/processes/referralDemo/versions",
            new Dictionary<string, string> { ["version"] = "1", ["expectedRevision"] = "0" }, "/designer/processes/referralDemo/versions?handler=Restore");

        Assert.Equal("/designer/processes/referralDemo", Identity.Support.SiteClient.RedirectPath(response));
        Assert.Contains("data-testid=\"restore-conflict\"", await Identity.Support.SiteClient.HtmlAsync(stale));
    }

    public async Task DisposeAsync() => await site.DisposeAsync();
}
