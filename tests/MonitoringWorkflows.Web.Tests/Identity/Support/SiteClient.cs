using System.Net;
using System.Text.RegularExpressions;

namespace MonitoringWorkflows.Web.Tests.Identity.Support;

/// <summary>Gets pages and posts their forms the way a browser does: with the page's antiforgery token and the cookies.</summary>
internal sealed partial class SiteClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(path);

    /// <summary>The page's HTML with entities decoded, after asserting it answered 200.</summary>
    public async Task<string> GetPageAsync(string path)
    {
        var response = await http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {response.Headers.Location}");
        return WebUtility.HtmlDecode(html);
    }

    /// <summary>Opens the form's page (for its token and cookie), then posts the fields to <paramref name="action"/> (the page itself by default).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string page, IDictionary<string, string> fields, string? action = null)
    {
        var html = await GetPageAsync(page);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = Token(html) };
        return await http.PostAsync(action ?? page, new FormUrlEncodedContent(form));
    }

    public Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        PostFormAsync("/identity/sign-in", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    public static async Task<string> HtmlAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>Where a redirect points, without the query: relative or absolute Location alike.</summary>
    public static string? RedirectPath(HttpResponseMessage response) => response.Headers.Location is { } location
        ? (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0])
        : null;

    public static string Token(string html) => TokenPattern().Match(html) is { Success: true } match
        ? match.Groups[1].Value
        : throw new InvalidOperationException("The page has no antiforgery token.");

    /// <summary>The text of the element carrying <c>data-testid</c>.</summary>
    public static string TestId(string html, string id) =>
        Regex.Match(html, $"data-testid=\"{id}\"[^>]*>([^<]*)<") is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"No element with data-testid '{id}'.");

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
