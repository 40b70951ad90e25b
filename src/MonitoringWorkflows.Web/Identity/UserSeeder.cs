using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Identity;

/// <summary>
/// Roles, then either the demo logins (demo mode) or, on a database without an administrator, one administrator
/// whose random password is written to the log that one time and must be changed at first sign-in.
/// </summary>
internal sealed class UserSeeder(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    WorkflowDbContext db,
    IOptions<DemoOptions> demo,
    IOptions<FirstStartOptions> firstStart,
    TimeProvider time,
    ILogger<UserSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) Require(await roles.CreateAsync(new IdentityRole(role)), role);
        if (demo.Value.Enabled) await SeedDemoUsersAsync(cancellationToken);
        else if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count == 0) await CreateFirstAdministratorAsync();
    }

    private async Task SeedDemoUsersAsync(CancellationToken cancellationToken)
    {
        var district = await db.Districts.SingleAsync(d => d.Code == OrganisationSeeder.DemoDistrictCode, cancellationToken);
        string? hash = null;
        foreach (var demoUser in DemoUser.All)
        {
            if (await users.FindByEmailAsync(demoUser.Email) is not null) continue;
            var user = NewUser(demoUser.Email, demoUser.DisplayName);
            user.DistrictId = demoUser.InDistrict ? district.Id : null;
            user.AgencyCode = demoUser.AgencyCode;
            user.IsDemo = true;
            // Every demo login shares one password: hash it once, not once per user (each hash is deliberately slow).
            user.PasswordHash = hash ??= users.PasswordHasher.HashPassword(user, demo.Value.Password);
            Require(await users.CreateAsync(user), demoUser.Email);
            Require(await users.AddToRoleAsync(user, demoUser.Role), demoUser.Email);
        }
    }

    private async Task CreateFirstAdministratorAsync()
    {
        var email = firstStart.Value.AdministratorEmail;
        var password = TemporaryPassword.Create();
        var user = NewUser(email, "Administrator");
        user.MustChangePassword = true;
        Require(await users.CreateAsync(user, password), email);
        Require(await users.AddToRoleAsync(user, Roles.Administrator), email);
        // The one time this password exists outside its hash: whoever starts the host first hands it over.
        logger.LogWarning(
            "First start: administrator {Email} created with one-time password {Password} . It must be changed at first sign-in; it is not shown again.",
            email, password);
    }

    private ApplicationUser NewUser(string email, string displayName) => new()
    {
        UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = time.GetUtcNow(),
    };

    private static void Require(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
