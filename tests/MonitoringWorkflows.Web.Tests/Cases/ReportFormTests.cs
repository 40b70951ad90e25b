using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Tests.Cases.Support;
using MonitoringWorkflows.Web.Tests.Identity.Support;

namespace MonitoringWorkflows.Web.Tests.Cases;

public sealed class ReportFormTests
{
    [Fact]
    public async Task Record_WithoutConsent_IsRefusedAtTheConsentField_AndKeepsWhatWasTyped()
    {
        await using var site = new IntakeSite();
        using var registrar = await site.SignedInAsync("registrar@demo.az");
        var report = Reports.Valid("Typed narrative that must survive");
        report.Remove("Input.Consent");

        var response = await registrar.PostFormAsync(Reports.NewCase, report);
        var html = await SiteClient.HtmlAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bu sahə doldurulmalıdır.", FieldError(html, "Input.Consent"));
        Assert.Contains("\nTyped narrative that must survive</textarea>", html);
        Assert.Contains("value=\"Home, Demo village\"", html);
        Assert.Contains("value=\"9\"", html);
        await AssertNoCaseAsync(site);
    }

    [Fact]
    public async Task Record_WithNoVictim_IsRefusedWithTheVictimsMessage()
    {
        await using var site = new IntakeSite();
        using var registrar = await site.SignedInAsync("registrar@demo.az");
        var report = Reports.Valid();
        foreach (var key in report.Keys.Where(k => k.StartsWith("Input.Victims")).ToList()) report.Remove(key);

        var html = await SiteClient.HtmlAsync(await registrar.PostFormAsync(Reports.NewCase, report));

        Assert.Equal("Ən azı bir zərər çəkmiş şəxs daxil edin.", FieldError(html, "Input.Victims"));
        Assert.Contains("value=\"Aysel Məmmədova\"", html);
        await AssertNoCaseAsync(site);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-3")]
    [InlineData("121")]
    public async Task Record_WithABadAge_IsRefusedAtThatVictimsAge_ShowingItAsTyped(string age)
    {
        await using var site = new IntakeSite();
        using var registrar = await site.SignedInAsync("registrar@demo.az");
        var report = Reports.Valid();
        report["Input.Victims[1].Age"] = age;

        var html = await SiteClient.HtmlAsync(await registrar.PostFormAsync(Reports.NewCase, report));

        Assert.Equal("Yaşı tam illərlə, 0-dan 120-dək daxil edin.", FieldError(html, "Input.Victims[1].Age"));
        Assert.Contains($"value=\"{age}\"", html);
        await AssertNoCaseAsync(site);
    }

    [Theory]
    [InlineData("15.01.2026", "Tarixi il-ay-gün şəklində daxil edin.")]
    [InlineData("2999-01-01", "Tarix gələcəkdə ola bilməz.")]
    public async Task Record_WithABadOrFutureDate_IsRefusedAtTheDate(string date, string message)
    {
        await using var site = new IntakeSite();
        using var registrar = await site.SignedInAsync("registrar@demo.az");
        var report = Reports.Valid();
        report["Input.IncidentDate"] = date;

        var html = await SiteClient.HtmlAsync(await registrar.PostFormAsync(Reports.NewCase, report));

        Assert.Equal(message, FieldError(html, "Input.IncidentDate"));
        await AssertNoCaseAsync(site);
    }

    [Fact]
    public async Task Record_InEnglish_GetsTheMessagesInEnglish()
    {
        await using var site = new IntakeSite();
        using var registrar = await site.SignedInAsync("registrar@demo.az");
        var report = Reports.Valid();
        report["Input.Channel"] = "carrier-pigeon";
        report["Input.Narrative"] = new string('x', 4001);

        await registrar.PostFormAsync("/", new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = "/" }, "/language");

        var html = await SiteClient.HtmlAsync(await registrar.PostFormAsync(Reports.NewCase, report));

        Assert.Equal("Choose one of the listed options.", FieldError(html, "Input.Channel"));
        Assert.Equal("The text is too long (at most 4000 characters).", FieldError(html, "Input.Narrative"));
        await AssertNoCaseAsync(site);
    }

    [Theory]
    [InlineData("chair@demo.az")]
    [InlineData("police@demo.az")]
    [InlineData("admin@demo.az")]
    [InlineData("analyst@demo.az")]
    public async Task NewCase_NotARegistrar_Gets403_OnTheFormAndOnThePost(string email)
    {
        await using var site = new IntakeSite();
        using var client = await site.SignedInAsync(email);

        var page = await client.GetAsync(Reports.NewCase);
        var post = await client.PostFormAsync("/", Reports.Valid(), Reports.NewCase);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        await AssertNoCaseAsync(site);
    }

    [Fact]
    public async Task Record_WithoutAnAntiforgeryToken_IsRefused()
    {
        await using var site = new IntakeSite();
        using var registrar = await site.SignedInAsync("registrar@demo.az");

        var response = await registrar.Http.PostAsync(Reports.NewCase, new FormUrlEncodedContent(Reports.Valid()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNoCaseAsync(site);
    }

    [Fact]
    public async Task Registered_ScriptInTheNarrative_IsStoredAsTypedAndShownEscaped()
    {
        await using var site = new IntakeSite();
        using var registrar = await site.SignedInAsync("registrar@demo.az");
        const string script = "<script>alert('x')</script> & more";

        var response = await registrar.PostFormAsync(Reports.NewCase, Reports.Valid(script));
        var raw = await registrar.Http.GetStringAsync(SiteClient.RedirectPath(response));

        Assert.DoesNotContain("<script>alert", raw);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more", raw);
        await using var db = site.Database();
        var stored = System.Text.Json.JsonDocument.Parse((await db.Cases.SingleAsync()).ReportJson);
        Assert.Equal(script, stored.RootElement.GetProperty("narrative").GetString());
    }

    [Fact]
    public async Task Registered_ACaseNumberThatDoesNotExist_Is404()
    {
        await using var site = new IntakeSite();
        using var registrar = await site.SignedInAsync("registrar@demo.az");

        var response = await registrar.GetAsync("/cases/DEMO-2026-9999/registered");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Registered_ARegistrarOfAnotherDistrict_Gets404_AndTheirOwnNumberingStartsAtOne()
    {
        await using var site = new IntakeSite();
        using var registrar = await site.SignedInAsync("registrar@demo.az");
        var mine = SiteClient.RedirectPath(await registrar.PostFormAsync(Reports.NewCase, Reports.Valid()))!;
        using var other = await site.RegistrarOfAnotherDistrictAsync();

        var response = await other.GetAsync(mine);
        var theirs = SiteClient.RedirectPath(await other.PostFormAsync(Reports.NewCase, Reports.Valid()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal($"/cases/OTHER-{AzerbaijanTime.Of(TimeProvider.System.GetUtcNow()).Year}-0001/registered", theirs);
    }

    [Fact]
    public async Task Home_Registrar_SeesTheLinkToRecordAReport()
    {
        await using var site = new IntakeSite();
        using var registrar = await site.SignedInAsync("registrar@demo.az");

        var home = await registrar.GetPageAsync("/");

        Assert.Contains("href=\"/cases/new\"", home);
        Assert.Contains("Müraciəti qeydə al", home);
    }

    /// <summary>The message shown at a field, empty when there is none.</summary>
    private static string FieldError(string html, string field) =>
        Regex.Match(html, $"data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>([^<]*)<") is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"No message element for {field}.");

    private static async Task AssertNoCaseAsync(IntakeSite site)
    {
        await using var db = site.Database();
        Assert.Equal(0, await db.Cases.CountAsync());
    }
}
