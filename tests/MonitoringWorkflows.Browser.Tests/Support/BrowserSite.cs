using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Browser.Tests.Support;

/// <summary>
/// The real application on Kestrel (127.0.0.1, a free port) in demo mode, on its own temporary data folder, with the
/// repository's workflows imported; and one headless chromium for the tests that share it. Each user of a test gets
/// a browser context of their own (<see cref="BrowserScenario"/>), so cookies never leak between users.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    private readonly string dataFolder = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "mw-browser-tests", Guid.NewGuid().ToString("N"))).FullName;
    private WebApplicationFactory<Program>? factory;
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>Where the site answers, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string Address { get; private set; } = "";

    public IServiceProvider Services => (factory ?? throw NotStarted()).Services;

    public async Task InitializeAsync()
    {
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Data:Folder", Path.Combine(dataFolder, "data"))
            .UseSetting("Workflows:Folder", Repository.WorkflowsFolder)
            .UseSetting("Demo:Enabled", "true"));
        // Port 0: the system picks a free port; the bound address is read back from the server.
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        Address = addresses.Addresses.Single().TrimEnd('/');

        // Generous for a loaded 2-core CI machine, still far below the test runner's patience.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        browser = await Chromium.LaunchAsync(playwright);
    }

    /// <summary>A test's users and the evidence kept if it fails.</summary>
    public BrowserScenario Scenario([CallerMemberName] string test = "") => new(this, test);

    /// <summary>A fresh browser context: no cookies, the site's address as base for relative URLs.</summary>
    internal Task<IBrowserContext> NewContextAsync() => (browser ?? throw NotStarted()).NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = Address,
        // An English browser: the site must still start in Azerbaijani (only the switcher's choice counts).
        Locale = "en-GB",
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
    });

    /// <summary>A context on the site's database, to check what the pages wrote.</summary>
    public WorkflowDbContext Database() => Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContext();

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        if (factory is not null) await factory.DisposeAsync();
        // Pooled connections keep the database file open.
        SqliteConnection.ClearAllPools();
        Directory.Delete(dataFolder, recursive: true);
    }

    private static InvalidOperationException NotStarted() => new("The browser site has not started.");
}

/// <summary>One host and one browser for every browser test: starting them is most of the suite's time.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSite>
{
    public const string Name = "Browser";
}
