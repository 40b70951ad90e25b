using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Bench.Load.Seed;

/// <summary>A district of the generated history and its code in lower case (the suffix of its users' logins).</summary>
internal sealed record BenchDistrict(int Id, string Code)
{
    public string Suffix => Code.ToLowerInvariant();
}

/// <summary>
/// The districts of the generated history, each with a monitoring group whose logins follow the demo logins' local
/// parts: <c>chair.gnc@bench.az</c>, <c>police.gnc@bench.az</c>… (what the template cases' demo actors become).
/// All are demo logins with the demo password, so chairs need no second factor while demo mode is on.
/// </summary>
internal static class BenchOrganisation
{
    public const string Domain = "bench.az";

    private static readonly (string Code, string Name)[] Known =
    [
        ("GNC", "Gəncə"), ("SMQ", "Sumqayıt"), ("MNG", "Mingəçevir"), ("SHK", "Şəki"), ("LNK", "Lənkəran"),
        ("QUB", "Quba"), ("SMX", "Şamaxı"), ("BRD", "Bərdə"), ("SRV", "Şirvan"), ("ABS", "Abşeron"),
    ];

    /// <summary>The members of each group: the demo login's local part, its role and its agency.</summary>
    public static readonly IReadOnlyList<(string Local, string Role, string? Agency)> Members =
    [
        ("chair", Roles.Chair, null), ("secretary", Roles.Secretary, null), ("registrar", Roles.Registrar, null),
        ("education", Roles.AgencyMember, AgencyCodes.Education), ("health", Roles.AgencyMember, AgencyCodes.Health),
        ("police", Roles.AgencyMember, AgencyCodes.Police), ("prosecutor", Roles.AgencyMember, AgencyCodes.Prosecutor),
        ("social", Roles.AgencyMember, AgencyCodes.SocialProtection),
        ("registration", Roles.AgencyMember, AgencyCodes.Registration),
    ];

    public static string Login(string local, BenchDistrict district) => $"{local}.{district.Suffix}@{Domain}";

    public static async Task<List<BenchDistrict>> CreateAsync(IServiceProvider services, int count, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        for (var i = 0; i < count; i++)
        {
            var (code, name) = i < Known.Length ? Known[i] : ($"D{i + 1:00}", $"Rayon {i + 1}");
            db.Districts.Add(new District { Code = code, Name = name, CreatedAt = now });
        }
        await db.SaveChangesAsync(cancellationToken);
        var districts = await db.Districts.Where(d => d.Code != OrganisationSeeder.DemoDistrictCode)
            .OrderBy(d => d.Id).Select(d => new BenchDistrict(d.Id, d.Code)).ToListAsync(cancellationToken);
        await CreateUsersAsync(scope.ServiceProvider, districts, now);
        return districts;
    }

    private static async Task CreateUsersAsync(IServiceProvider services, List<BenchDistrict> districts, DateTimeOffset now)
    {
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var password = services.GetRequiredService<IOptions<DemoOptions>>().Value.Password;
        string? hash = null;
        foreach (var district in districts)
            foreach (var (local, role, agency) in Members)
            {
                var email = Login(local, district);
                var user = new ApplicationUser
                {
                    UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"{local} {district.Code}",
                    DistrictId = district.Id, AgencyCode = agency, IsDemo = true, CreatedAt = now,
                };
                // One slow hash for all of them, as the demo seeding does.
                user.PasswordHash = hash ??= users.PasswordHasher.HashPassword(user, password);
                Require(await users.CreateAsync(user), email);
                Require(await users.AddToRoleAsync(user, role), email);
            }
    }

    private static void Require(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Creating {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
