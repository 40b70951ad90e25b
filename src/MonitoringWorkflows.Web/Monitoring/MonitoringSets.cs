namespace MonitoringWorkflows.Web.Monitoring;

/// <summary>
/// The element ids and SQL conditions the dashboard counts by, written once so that the case list's filters (the
/// lists behind the figures) select exactly the cases a figure counted.
/// </summary>
public static class MonitoringSets
{
    /// <summary>The referral process's multi-instance task: one open step per agency a case was referred to.</summary>
    public const string ReferralTask = "Task_Referral";

    /// <summary>The called group-review process, and the elements where a case waits for the group's meeting.</summary>
    public const string GroupReviewKey = "groupReview";
    public static readonly IReadOnlyList<string> AwaitingReviewElements = ["Task_PutOnAgenda", "Event_DecisionReceived"];

    /// <summary>An instance <c>i</c> is active (the engine runs it, or it waits for an incident's retry); matches the partial indexes.</summary>
    public const string ActiveCondition = """i."Status" IN ('Running', 'Incident')""";

    /// <summary>Over an instance <c>i</c>: the number of referrals its agencies declined (the referral responses it collected).</summary>
    public const string DeclinedReferrals = """
        (SELECT COUNT(*) FROM json_each(i."StateJson", '$.Variables.referralResponses') r WHERE json_extract(r.value, '$.status') = 'declined')
        """;

    /// <summary>Over an instance <c>i</c>: 1 when one of its tokens waits at the group's meeting.</summary>
    public const string WaitsForMeeting = """
        EXISTS (SELECT 1 FROM json_each(i."StateJson", '$.Tokens') t
                WHERE json_extract(t.value, '$.ElementId') IN ('Task_PutOnAgenda', 'Event_DecisionReceived'))
        """;

    /// <summary>Active group-review instances waiting for the meeting: their business keys are the cases awaiting review.</summary>
    public const string AwaitingReviewInstances = $"""
        SELECT i.* FROM "ProcessInstances" i JOIN "ProcessDefinitions" d ON d."Id" = i."DefinitionVersionId"
        WHERE {ActiveCondition} AND d."Key" = '{GroupReviewKey}' AND {WaitsForMeeting}
        """;

    /// <summary>Active main instances with at least one declined referral.</summary>
    public const string DeclinedReferralInstances = $"""
        SELECT i.* FROM "ProcessInstances" i WHERE {ActiveCondition} AND i."ParentInstanceId" IS NULL AND {DeclinedReferrals} > 0
        """;
}
