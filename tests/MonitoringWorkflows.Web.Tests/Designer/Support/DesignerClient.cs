using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MonitoringWorkflows.Web.Api;
using MonitoringWorkflows.Web.Tests.Identity.Support;

namespace MonitoringWorkflows.Web.Tests.Designer.Support;

/// <summary>A signed-in client of /api/designer that sends the antiforgery header on every change.</summary>
internal sealed class DesignerClient(SiteClient client)
{
    private string? token;

    public SiteClient Site => client;

    public Task<HttpResponseMessage> GetAsync(string path) => client.Http.GetAsync(path);

    public async Task<JsonElement> GetJsonAsync(string path) => await client.Http.GetFromJsonAsync<JsonElement>(path);

    public Task<HttpResponseMessage> PostAsync(string path, object body) => SendAsync(HttpMethod.Post, path, JsonContent.Create(body));

    public Task<HttpResponseMessage> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, JsonContent.Create(body));

    public Task<HttpResponseMessage> UploadAsync(string path, string fileName, string content)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return SendAsync(HttpMethod.Post, path, form);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent content)
    {
        token ??= (await client.Http.GetFromJsonAsync<AntiforgeryToken>("/api/antiforgery"))!.Token;
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add(ApiRegistration.AntiforgeryHeader, token);
        return await client.Http.SendAsync(request);
    }
}
