namespace MonitoringWorkflows.Web.Meetings;

/// <summary>Why a case was proposed for the agenda.</summary>
public static class AgendaReasons
{
    public const string Grave = "grave";
    public const string High = "high";
    public const string AwaitingDecision = "awaitingDecision";
    public const string Repeat = "repeat";
    public const string OutstandingActions = "outstandingActions";

    public static readonly IReadOnlyList<string> All = [Grave, High, AwaitingDecision, Repeat, OutstandingActions];
}

/// <summary>What the group decided about a case. A postponed case keeps waiting for the next meeting's decision.</summary>
public static class DecisionOutcomes
{
    public const string Actions = "actions";
    public const string Monitoring = "monitoring";
    public const string NoFurtherAction = "noFurtherAction";
    public const string Postponed = "postponed";

    public static readonly IReadOnlyList<string> All = [Actions, Monitoring, NoFurtherAction, Postponed];
}

/// <summary>What closing the minutes did with an item's decision.</summary>
public static class Deliveries
{
    /// <summary>Sent to the case's group review as the message <c>groupReviewDecision</c>; its actions became steps.</summary>
    public const string Sent = "sent";

    /// <summary>Nothing of the case waited for a decision: recorded in the minutes and the case's journal only.</summary>
    public const string Recorded = "recorded";

    /// <summary>Postponed: no decision sent; the case waits for the next meeting.</summary>
    public const string Postponed = "postponed";

    /// <summary>The message was refused by a failing step: an incident was recorded on the instance, to retry there.</summary>
    public const string Failed = "failed";
}

public static class MeetingLimits
{
    public const int Place = 200;
    public const int Decision = 4000;
    public const int ActionText = 1000;
    public const int Name = 200;

    /// <summary>The message the group review process waits for (workflows/group-review.bpmn).</summary>
    public const string DecisionMessage = "groupReviewDecision";
    public const string GroupReviewProcess = "groupReview";
    public const string ActionStep = "Task_CarryOutAction";
}
