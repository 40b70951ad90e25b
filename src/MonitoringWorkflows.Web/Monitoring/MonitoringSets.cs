namespace MonitoringWorkflows.Web.Monitoring;

/// <summary>
/// The element ids and SQL conditions the dashboard counts by, written once so that the case list's filters (the
/// lists behind the figures) select exactly the cases a figure counted. Cases awaiting the group's review have their
/// own definition, shared with the meetings: <see cref="AwaitingReview"/>.
/// </summary>
public static class MonitoringSets
{
    /// <summary>The referral process's multi-instance task: one open step per agency a case was referred to.</summary>
    public const string ReferralTask = "Task_Referral";

    /// <summary>An instance <c>i</c> is active (the engine runs it, or it waits for an incident's retry); matches the partial indexes.</summary>
    public const string ActiveCondition = """i."Status" IN ('Running', 'Incident')""";

    /// <summary>Over an instance <c>i</c>: the number of referrals its agencies declined (the referral responses it collected).</summary>
    public const string DeclinedReferrals = """
        (SELECT COUNT(*) FROM json_each(i."StateJson", '$.Variables.referralResponses') r WHERE json_extract(r.value, '$.status') = 'declined')
        """;

    /// <summary>Active main instances with at least one declined referral.</summary>
    public const string DeclinedReferralInstances = $"""
        SELECT i.* FROM "ProcessInstances" i WHERE {ActiveCondition} AND i."ParentInstanceId" IS NULL AND {DeclinedReferrals} > 0
        """;
}
