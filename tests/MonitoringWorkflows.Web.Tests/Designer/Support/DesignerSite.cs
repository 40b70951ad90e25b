using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Api;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Tests.Identity.Support;
using MonitoringWorkflows.Web.Tests.Support;

namespace MonitoringWorkflows.Web.Tests.Designer.Support;

/// <summary>
/// The whole host in demo mode with the shipped workflows imported, where a test publishes versions of its own
/// processes (as the designer will) and calls the designer's API as the administrator.
/// </summary>
public sealed class DesignerSite : IAsyncDisposable
{
    public const string Admin = "admin@demo.az";

    private readonly TestDataFolder folder = new();
    private readonly WebApplicationFactory<Program> factory;

    public DesignerSite() => factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        web.UseSetting("Data:Folder", folder.Combine("data")).UseSetting("Demo:Enabled", "true"));

    public IServiceProvider Services => factory.Services;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public WorkflowDbContext Database() => Get<IDbContextFactory<WorkflowDbContext>>().CreateDbContext();

    /// <summary>Publishes <paramref name="bpmnXml"/> as the next version of <paramref name="key"/>; returns the version number.</summary>
    public async Task<int> PublishAsync(string key, string bpmnXml, string by = Admin)
    {
        await using var db = Database();
        var version = (await db.ProcessDefinitions.Where(d => d.Key == key).MaxAsync(d => (int?)d.Version) ?? 0) + 1;
        db.ProcessDefinitions.Add(new ProcessDefinitionRecord
        {
            Key = key, Version = version, Status = DefinitionStatus.Published, Name = key, BpmnXml = bpmnXml,
            CreatedBy = by, CreatedAt = DateTimeOffset.UtcNow, PublishedBy = by, PublishedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        Get<PublishedVersions>().Invalidate(key);
        return version;
    }

    internal async Task<ApiClient> AdminAsync() => await SignedInAsync(Admin);

    internal async Task<ApiClient> SignedInAsync(string email, string password = SiteHost.DemoPassword)
    {
        var client = new SiteClient(factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("http://localhost"),
        }));
        Assert.Equal("/", SiteClient.RedirectPath(await client.SignInAsync(email, password)));
        var token = await client.Http.GetFromJsonAsync<AntiforgeryToken>("/api/antiforgery");
        return new ApiClient(client, token!.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        folder.Dispose();
    }
}

/// <summary>A signed-in client that sends JSON with the antiforgery header, as the pages' scripts do.</summary>
internal sealed class ApiClient(SiteClient site, string token) : IDisposable
{
    public SiteClient Site => site;

    public Task<HttpResponseMessage> GetAsync(string path) => site.Http.GetAsync(path);

    public Task<HttpResponseMessage> PostAsync(string path, string json) => SendAsync(HttpMethod.Post, path, json);

    public Task<HttpResponseMessage> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        request.Headers.Add(ApiRegistration.AntiforgeryHeader, token);
        return site.Http.SendAsync(request);
    }

    public void Dispose() => site.Dispose();
}
