using System.Runtime.CompilerServices;
using MonitoringWorkflows.Web.Meetings;

namespace MonitoringWorkflows.Web.Monitoring;

/// <summary>
/// The one definition of "a case awaiting the group's review", used by the chair's dashboard tile, the case list's
/// filter <c>review=awaiting</c> behind it and the meetings' agenda proposal (reason "awaiting decision"): one of the
/// case's active instances holds an open subscription to the message <see cref="MeetingLimits.DecisionMessage"/>.
/// </summary>
/// <remarks>
/// Those are exactly the instances the closing of a meeting's minutes can deliver the group's decision to. In the
/// shipped group review the subscription is open while the token waits at <c>Event_DecisionReceived</c>: from the
/// moment the agencies' information is complete (or the chair puts the case back on the agenda) until the decision
/// arrives. <c>Task_PutOnAgenda</c> is a service task run in the same step as the flow into it, so no stored state
/// ever holds a token there. Unlike a list of element ids this holds for every version of the group review and for
/// any process that waits for the decision, and whether the case is already on a meeting's agenda does not matter.
/// </remarks>
public static class AwaitingReview
{
    /// <summary>
    /// Over an instance <c>i</c>: whether it waits for the group's decision (an open message subscription, as the engine
    /// stores it: enum names as strings).
    /// </summary>
    public const string Condition = $"""
        EXISTS (SELECT 1 FROM json_each(i."StateJson", '$.Subscriptions') s
                WHERE json_extract(s.value, '$.Kind') = 'Message' AND json_extract(s.value, '$.MessageName') = '{MeetingLimits.DecisionMessage}')
        """;

    /// <summary>The active instances that wait (for <c>FromSqlRaw</c>): their business keys are the cases awaiting review.</summary>
    public const string Instances = $"""
        SELECT i.* FROM "ProcessInstances" i WHERE {MonitoringSets.ActiveCondition} AND {Condition}
        """;

    /// <summary>
    /// The waiting instances of one district (ids and case numbers), read as the dashboard reads the
    /// district: one range of the active instances' business-key index. Only the range's ends are parameters; the
    /// conditions are written into the SQL, since SQLite uses a partial index only for its condition written literally.
    /// </summary>
    public static FormattableString InScope(DistrictScope scope) => FormattableStringFactory.Create(InScopeSql, scope.Low, scope.High);

    private const string InScopeSql = $$"""
        SELECT i."Id" AS "Id", i."BusinessKey" AS "Number"
        FROM "ProcessInstances" i INDEXED BY "IX_ProcessInstances_Active_BusinessKey"
        WHERE {{MonitoringSets.ActiveCondition}} AND i."BusinessKey" >= {0} AND i."BusinessKey" < {1} AND {{Condition}}
        """;
}

/// <summary>A waiting instance and its case (see <see cref="AwaitingReview.InScope"/>).</summary>
public sealed record WaitingInstance(long Id, string Number);
