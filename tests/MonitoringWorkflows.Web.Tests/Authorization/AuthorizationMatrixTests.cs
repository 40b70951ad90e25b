using System.Net;
using System.Text;
using MonitoringWorkflows.Web.Api;
using MonitoringWorkflows.Web.Tests.Identity.Support;

namespace MonitoringWorkflows.Web.Tests.Authorization;

/// <summary>
/// Every endpoint tried as every persona: each allowed one gets through authorization, each other one is refused the
/// way the endpoint promises — 403 where the role is wrong, 404 (exactly as for a nonexistent id) where the thing
/// must not be known to exist — and a visitor who is not signed in is sent to sign in (pages) or gets 401 (API).
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixSite site) : IClassFixture<MatrixSite>
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var probe in Endpoints.All)
            foreach (var persona in Personas.All)
                data.Add(probe.Name, persona.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Endpoint_AsPersona_IsAllowedOrRefusedAsTheMatrixSays(string probeName, string personaName)
    {
        var probe = Endpoints.All.Single(p => p.Name == probeName);
        var persona = Personas.Named(personaName);

        var response = await SendAsync(probe, persona);

        var status = (int)response.StatusCode;
        var where = $"{probe.Name} as {persona.Name}: {status} {response.Headers.Location}";
        if (probe.Allowed.Contains(persona))
        {
            Assert.True(status is >= 200 and < 400 or 400 or 409 or 422, where);
            Assert.False(status is >= 300 and < 400 && SiteClient.RedirectPath(response) == "/identity/sign-in", where);
            if (status == 400) Assert.DoesNotContain("antiforgery", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }
        else if (persona.Email is null)
        {
            if (probe.IsApi) Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, where);
            else Assert.True(SiteClient.RedirectPath(response) == "/identity/sign-in", where);
        }
        else
        {
            var expected = probe.IsHiddenFrom(persona) ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden;
            Assert.True(response.StatusCode == expected, $"{where} (expected {(int)expected})");
        }
    }

    [Theory]
    [MemberData(nameof(HiddenThings))]
    public async Task AThingTheUserMayNotSee_IsAnsweredExactlyLikeANonexistentOne(string probeName, string personaName)
    {
        var probe = Endpoints.All.Single(p => p.Name == probeName);
        var persona = Personas.Named(personaName);
        var nonexistent = probe with { Path = probe.Path
            .Replace("{homeCase}", "NONE-2026-9999").Replace("{otherCase}", "NONE-2026-9999")
            .Replace("{homeTask}", "999999").Replace("{otherTask}", "999999")
            .Replace("{homeInstance}", "999999").Replace("{otherInstance}", "999999")
            .Replace("{homeMeeting}", "999999").Replace("{otherMeeting}", "999999").Replace("{homeItem}", "999999") };

        var hidden = await SendAsync(probe, persona);
        var missing = await SendAsync(nonexistent, persona);

        Assert.Equal(missing.StatusCode, hidden.StatusCode);
        if (probe.IsApi) Assert.Equal(Shape(await missing.Content.ReadAsStringAsync()), Shape(await hidden.Content.ReadAsStringAsync()));
    }

    public static TheoryData<string, string> HiddenThings()
    {
        var data = new TheoryData<string, string>();
        foreach (var probe in Endpoints.All.Where(p => p.HidesThings))
            foreach (var persona in Personas.SignedIn.Where(probe.IsHiddenFrom))
                data.Add(probe.Name, persona.Name);
        return data;
    }

    /// <summary>A problem details body without its per-request trace id.</summary>
    private static string Shape(string body) => System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "");

    private async Task<HttpResponseMessage> SendAsync(Probe probe, Persona persona)
    {
        var client = site.ClientOf(persona);
        var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Resolve(site));
        var token = probe.Method == "GET" ? null : await site.AntiforgeryTokenAsync(persona);
        if (probe.Json is not null)
        {
            request.Content = new StringContent(probe.Json, Encoding.UTF8, "application/json");
            if (token is not null) request.Headers.Add(ApiRegistration.AntiforgeryHeader, token);
        }
        else if (probe.Form is not null)
        {
            var fields = new Dictionary<string, string>(probe.Form);
            if (token is not null) fields["__RequestVerificationToken"] = token;
            request.Content = new FormUrlEncodedContent(fields);
        }
        return await client.Http.SendAsync(request);
    }
}
