using System.Net;
using System.Text.RegularExpressions;

namespace MonitoringWorkflows.Bench.Load.Run;

/// <summary>One browser: its own cookies (sign-in, antiforgery), signed in through the sign-in page as a person would.</summary>
internal sealed partial class SignedInClient : IDisposable
{
    private readonly HttpClient http;

    public SignedInClient(Uri address, BenchUser user)
    {
        User = user;
        http = new HttpClient(new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public BenchUser User { get; }

    /// <summary>The signed-in client itself, for calls beyond GET (the designer bench posts to the API).</summary>
    public HttpClient Http => http;

    /// <summary>GET the sign-in page for its antiforgery token, POST the form; a redirect with the auth cookie means signed in.</summary>
    public async Task SignInAsync(string password, CancellationToken cancellationToken)
    {
        var page = await http.GetStringAsync("/identity/sign-in", cancellationToken);
        var token = TokenField().Match(page);
        if (!token.Success) throw new InvalidOperationException("The sign-in page has no antiforgery token.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = User.Email, ["Input.Password"] = password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        });
        using var response = await http.PostAsync("/identity/sign-in", form, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.StartsWith("/identity", StringComparison.Ordinal) == true)
            throw new InvalidOperationException($"Signing in {User.Email} answered {(int)response.StatusCode} {response.Headers.Location}.");
    }

    /// <summary>GETs a URL and reads the whole body; returns the status code.</summary>
    public async Task<int> GetAsync(string url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await body.CopyToAsync(Stream.Null, cancellationToken);
        return (int)response.StatusCode;
    }

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="([^"]+)"|value="([^"]+)"[^>]*name="__RequestVerificationToken" """)]
    private static partial Regex TokenField();

    public void Dispose() => http.Dispose();
}
