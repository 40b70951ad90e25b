using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Identity;

public static class IdentityRegistration
{
    public const string AdministratorPolicy = "Administrator";

    /// <summary>Identity on the workflow database: no self-registration, strong passwords, lockout, TOTP, cookie sign-in.</summary>
    public static IServiceCollection AddApplicationIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section));
        services.AddOptions<FirstStartOptions>().Bind(configuration.GetSection(FirstStartOptions.Section));
        services.AddIdentity<ApplicationUser, IdentityRole>(ConfigureIdentity)
            .AddEntityFrameworkStores<WorkflowDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<ApplicationClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrors>();
        // Re-reads the user (roles, lockout, district) this often, so a lock or a role change reaches signed-in sessions.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(ConfigureCookie);
        KeepKeysInDataFolder(services);
        services.AddAuthorizationBuilder().AddPolicy(AdministratorPolicy, p => p.RequireRole(Roles.Administrator));
        services.AddScoped<OrganisationSeeder>();
        services.AddScoped<UserSeeder>();
        return services;
    }

    /// <summary>The first-start seeding: agencies and the demo district, roles, then demo users or the first administrator.</summary>
    public static async Task SeedFirstStartAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OrganisationSeeder>().SeedAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<UserSeeder>().SeedAsync(cancellationToken);
    }

    /// <summary>
    /// The keys that protect sign-in and antiforgery cookies live beside the database, so a restart (or a container
    /// replaced with the same data volume) does not sign everyone out.
    /// </summary>
    private static void KeepKeysInDataFolder(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("MonitoringWorkflows");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<DataOptions>, IHostEnvironment, ILoggerFactory>(
            (options, data, environment, logs) => options.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(data.Value.FolderPath(environment.ContentRootPath), "keys")), logs));
    }

    private static void ConfigureIdentity(IdentityOptions options)
    {
        options.Password.RequiredLength = 12;
        options.Password.RequireUppercase = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireDigit = true;
        options.Password.RequireNonAlphanumeric = true;
        options.Password.RequiredUniqueChars = 6;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = true;
        // Administrators create accounts; nobody confirms an e-mail address to get in.
        options.SignIn.RequireConfirmedAccount = false;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "mw.auth";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        // Secure whenever the request came over HTTPS; plain HTTP stays usable on a developer's loopback.
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.SlidingExpiration = true;
        options.ExpireTimeSpan = TimeSpan.FromHours(2);
        options.LoginPath = IdentityPaths.SignIn;
        options.LogoutPath = IdentityPaths.SignOut;
        options.AccessDeniedPath = IdentityPaths.AccessDenied;
        options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
        // A refusal is a 403 on the page asked for (its body comes from the access-denied page), not a redirect.
        options.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IdentityPaths.IsApi(context.Request)) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
