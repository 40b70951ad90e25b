using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Organisation;

/// <summary>Gives a fresh database the member agencies and a demo district; never overwrites what administrators changed.</summary>
internal sealed class OrganisationSeeder(WorkflowDbContext db, TimeProvider time)
{
    public const string DemoDistrictCode = "DEMO";

    // The names the member agencies carry in the database (Azerbaijani, from the founding document); pages show
    // the translation of the code in the user's language instead.
    private static readonly Dictionary<string, string> MemberAgencyNames = new()
    {
        [AgencyCodes.Education] = "Təhsil şöbəsi",
        [AgencyCodes.Health] = "Səhiyyə şöbəsi",
        [AgencyCodes.Police] = "Polis şöbəsi",
        [AgencyCodes.Prosecutor] = "Prokurorluq",
        [AgencyCodes.SocialProtection] = "Əhalinin Sosial Müdafiə Mərkəzi",
        [AgencyCodes.Registration] = "Qeydiyyat şöbəsi",
    };

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var known = await db.Agencies.Select(a => a.Code).ToListAsync(cancellationToken);
        foreach (var code in AgencyCodes.MemberAgencies.Except(known))
            db.Agencies.Add(new Agency { Code = code, Name = MemberAgencyNames[code], CreatedAt = now });
        if (!await db.Districts.AnyAsync(cancellationToken))
            db.Districts.Add(new District { Code = DemoDistrictCode, Name = "Demo rayonu", CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
    }
}
