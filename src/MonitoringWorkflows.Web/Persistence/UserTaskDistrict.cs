namespace MonitoringWorkflows.Web.Persistence;

/// <summary>
/// How a step's district is found: the district of the case whose number is its instance's business key (called
/// processes share their parent's). One SQL expression for the runner's insert, the migration's backfill and the bench.
/// </summary>
internal static class UserTaskDistrict
{
    /// <summary>The district of the case of the instance whose id is <paramref name="instanceId"/> (an SQL expression).</summary>
    public static string OfInstance(string instanceId) => $"""
        (SELECT c."DistrictId" FROM "ProcessInstances" i JOIN "Cases" c ON c."Number" = i."BusinessKey" WHERE i."Id" = {instanceId})
        """;

    /// <summary>Sets the district of every step written before the column existed (or by a bulk copy).</summary>
    public static readonly string Backfill = $"""
        UPDATE "UserTasks" SET "DistrictId" = {OfInstance("\"UserTasks\".\"InstanceId\"")};
        """;
}
