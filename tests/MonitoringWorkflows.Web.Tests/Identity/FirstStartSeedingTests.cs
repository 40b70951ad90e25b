using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Tests.Identity.Support;
using MonitoringWorkflows.Web.Tests.Support;

namespace MonitoringWorkflows.Web.Tests.Identity;

public sealed class FirstStartSeedingTests
{
    [Fact]
    public async Task Seed_DemoMode_CreatesTheAgenciesTheDemoDistrictAndOneLoginPerRoleAndAgency()
    {
        await using var site = new SiteHost(demo: true);
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();

        var agencies = await db.Agencies.Select(a => a.Code).OrderBy(c => c).ToListAsync();
        var districts = await db.Districts.Select(d => d.Code).ToListAsync();
        var logins = await db.Users.Join(db.UserRoles, u => u.Id, ur => ur.UserId, (u, ur) => new { u, ur.RoleId })
            .Join(db.Roles, x => x.RoleId, r => r.Id, (x, r) => new { x.u.Email, Role = r.Name, x.u.AgencyCode, x.u.DistrictId, x.u.IsDemo })
            .ToListAsync();

        Assert.Equal(AgencyCodes.MemberAgencies.Order(), agencies);
        Assert.Equal(["DEMO"], districts);
        Assert.Equal(Roles.All.Order(), logins.Select(l => l.Role!).Distinct().Order());
        Assert.Equal(AgencyCodes.MemberAgencies.Order(),
            logins.Where(l => l.Role == Roles.AgencyMember).Select(l => l.AgencyCode!).Order());
        Assert.All(logins, l => Assert.True(l.IsDemo));
        Assert.All(logins.Where(l => l.Role is Roles.NationalAnalyst or Roles.Administrator), l => Assert.Null(l.DistrictId));
        Assert.All(logins.Where(l => l.Role is Roles.Chair or Roles.AgencyMember), l => Assert.NotNull(l.DistrictId));
    }

    [Fact]
    public async Task Seed_DemoMode_EveryDemoLoginSignsInWithTheDocumentedPassword()
    {
        await using var site = new SiteHost(demo: true);
        foreach (var email in new[] { "chair@demo.az", "registrar@demo.az", "police@demo.az", "admin@demo.az", "analyst@demo.az" })
        {
            using var client = site.Client();
            var response = await client.SignInAsync(email, SiteHost.DemoPassword);
            Assert.Equal("/", SiteClient.RedirectPath(response));
        }
    }

    [Fact]
    public async Task Seed_SecondStart_AddsNothing()
    {
        using var folder = new TestDataFolder();
        int users;
        await using (var first = new SiteHost(demo: true, folder))
            users = await CountUsersAsync(first);
        await using var second = new SiteHost(demo: true, folder);

        Assert.Equal(users, await CountUsersAsync(second));
        Assert.Equal(11, users);
    }

    [Fact]
    public async Task Seed_OutsideDemoMode_CreatesOnlyTheAdministratorAndLogsItsPasswordOnce()
    {
        using var folder = new TestDataFolder();
        var logs = new LogCapture();
        await using (var first = new SiteHost(demo: false, folder, logs))
        {
            await using var scope = first.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            var user = Assert.Single(await db.Users.ToListAsync());
            Assert.Equal(("admin@monitoring.local", true, false), (user.Email, user.MustChangePassword, user.IsDemo));
            Assert.Equal(6, await db.Agencies.CountAsync());
        }
        await using (var second = new SiteHost(demo: false, folder, logs))
            Assert.Equal(1, await CountUsersAsync(second));

        var announcement = Assert.Single(logs.Lines, l => l.Contains("one-time password"));
        var password = Regex.Match(announcement, "one-time password (\\S+) ").Groups[1].Value;
        Assert.True(password.Length >= 12, announcement);
        Assert.Single(logs.Lines, l => l.Contains(password));
    }

    [Fact]
    public async Task FirstAdministrator_SignsInWithTheLoggedPassword_AndMustChangeItBeforeAnythingElse()
    {
        await using var site = new SiteHost(demo: false);
        using var client = site.Client();
        var line = Assert.Single(site.Logs.Lines, l => l.Contains("one-time password"));
        var password = Regex.Match(line, "one-time password (\\S+) ").Groups[1].Value;

        Assert.Equal("/", SiteClient.RedirectPath(await client.SignInAsync("admin@monitoring.local", password)));
        var home = await client.GetAsync("/");
        var users = await client.GetAsync("/organisation/users");

        Assert.Equal("/identity/password", SiteClient.RedirectPath(home));
        Assert.Equal("/identity/password", SiteClient.RedirectPath(users));
    }

    private static async Task<int> CountUsersAsync(SiteHost site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().Users.CountAsync();
    }
}
