using Microsoft.Playwright;
using Xunit.Sdk;

namespace MonitoringWorkflows.Browser.Tests.Support;

/// <summary>
/// The users of one browser test, each in a browser context of their own. <see cref="RunAsync"/> runs the test's
/// steps and, if one fails, saves a screenshot and the HTML of every user's page and names the folder in the failure.
/// </summary>
public sealed class BrowserScenario(BrowserSite site, string test) : IAsyncDisposable
{
    private readonly List<BrowserUser> users = [];

    public BrowserSite Site => site;

    /// <summary>A new user (a fresh context, no cookies) on a blank page; <paramref name="name"/> names their evidence files.</summary>
    public async Task<BrowserUser> OpenAsync(string name)
    {
        var context = await site.NewContextAsync();
        var user = new BrowserUser(name, context, await context.NewPageAsync());
        users.Add(user);
        return user;
    }

    /// <summary>A demo user signed in through the sign-in page.</summary>
    public async Task<BrowserUser> SignedInAsync(string email, string password = DemoLogins.Password)
    {
        var user = await OpenAsync(email);
        await new SignInPage(user.Page).SignInAsync(email, password);
        return user;
    }

    public async Task RunAsync(Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch (Exception failure)
        {
            var folder = await FailureEvidence.SaveAsync(test, users);
            throw new XunitException($"{failure.GetType().Name}: {failure.Message}{Environment.NewLine}" +
                $"Screenshot and HTML of each user's page: {folder}", failure);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var user in users) await user.Context.DisposeAsync();
    }
}

/// <summary>One person at their own browser.</summary>
public sealed record BrowserUser(string Name, IBrowserContext Context, IPage Page);

/// <summary>The demo logins the site creates in demo mode (README).</summary>
public static class DemoLogins
{
    public const string Password = "Monitoring-Demo-2026";
    public const string Registrar = "registrar@demo.az";
    public const string Chair = "chair@demo.az";
    public const string Secretary = "secretary@demo.az";
    public const string Police = "police@demo.az";
    public const string SocialProtection = "social@demo.az";
}
