using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Designer.Drafts;
using MonitoringWorkflows.Web.Tests.Cases.Support;
using MonitoringWorkflows.Web.Tests.Designer.Support;

namespace MonitoringWorkflows.Web.Tests.Designer;

/// <summary>Forms through the same life cycle as processes, and restoring an old version as the draft.</summary>
public sealed class DraftLifecycleTests
{
    [Fact]
    public async Task Form_CreatedSavedAndPublished_BecomesVersionOne_AndAFormWithoutComponentsIsRefused()
    {
        await using var site = new IntakeSite(withWorkflows: false);
        var admin = new DesignerClient(await site.SignedInAsync("admin@demo.az"));
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/designer/forms", new { key = "home-visit", name = "Home visit" })).StatusCode);
        const string form = """{ "type": "default", "components": [ { "type": "textfield", "key": "note", "label": "Note" } ] }""";

        var broken = await admin.PutAsync("/api/designer/forms/home-visit/draft", new { content = """{ "type": "default" }""", revision = 1 });
        var refused = await admin.PostAsync("/api/designer/forms/home-visit/publish", new { revision = 2 });
        var saved = await admin.PutAsync("/api/designer/forms/home-visit/draft", new { content = form, revision = 2 });
        var published = await admin.PostAsync("/api/designer/forms/home-visit/publish", new { revision = 3 });

        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("DESIGN003", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(1, (await DesignerClient.JsonAsync(published)).GetProperty("version").GetInt32());
        var catalog = await admin.GetJsonAsync("/api/designer/catalog");
        Assert.Contains(catalog.GetProperty("forms").EnumerateArray(), f => f.GetProperty("key").GetString() == "home-visit");
        var exported = await admin.GetAsync("/api/designer/forms/home-visit/export?version=1");
        Assert.Equal("home-visit.v1.form.json", exported.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(form, await exported.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Restore_OfAnOldVersion_MakesItsContentTheDraft_AndAStaleRevisionChangesNothing()
    {
        await using var site = new IntakeSite(withWorkflows: false);
        var admin = new DesignerClient(await site.SignedInAsync("admin@demo.az"));
        await admin.PostAsync("/api/designer/forms", new { key = "visit" });
        await admin.PutAsync("/api/designer/forms/visit/draft", new { content = Form("first"), revision = 1 });
        await admin.PostAsync("/api/designer/forms/visit/publish", new { revision = 2 });
        await admin.PutAsync("/api/designer/forms/visit/draft", new { content = Form("second"), revision = 0 });
        await admin.PostAsync("/api/designer/forms/visit/publish", new { revision = 1 });
        await admin.PutAsync("/api/designer/forms/visit/draft", new { content = Form("third"), revision = 0 });
        await using var scope = site.Services.CreateAsyncScope();
        var drafts = scope.ServiceProvider.GetRequiredService<DraftStore>();

        var stale = await drafts.RestoreAsync(DefinitionKind.Form, "visit", 1, "admin@demo.az", expectedRevision: 0, CancellationToken.None);
        var restored = await drafts.RestoreAsync(DefinitionKind.Form, "visit", 1, "admin@demo.az", expectedRevision: 1, CancellationToken.None);
        var missing = await drafts.RestoreAsync(DefinitionKind.Form, "visit", 9, "admin@demo.az", expectedRevision: 2, CancellationToken.None);

        Assert.Equal(1, stale.Conflict?.CurrentRevision);
        Assert.Equal((Form("first"), 2, 1), (restored.Saved?.Content, restored.Saved?.Revision, restored.Saved?.BasedOnVersion));
        Assert.True(missing.NotFound);
        var draft = await admin.GetJsonAsync("/api/designer/forms/visit/draft");
        Assert.Equal((Form("first"), 2), (draft.GetProperty("content").GetString(), draft.GetProperty("publishedVersion").GetInt32()));
    }

    private static string Form(string key) => $$"""{ "type": "default", "components": [ { "type": "textfield", "key": "{{key}}", "label": "x" } ] }""";
}
