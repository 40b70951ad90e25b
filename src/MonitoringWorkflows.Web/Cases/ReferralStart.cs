using MonitoringWorkflows.Web.Runtime;

namespace MonitoringWorkflows.Web.Cases;

/// <summary>
/// Starts a case's referral process from its report, the same way at intake and when started later: the latest
/// published referral, the case number as business key, the report's start variables. The runner answers expected
/// failures as results; anything it throws becomes one too, so the case it belongs to is never lost with it. The report
/// is read inside that guard: a stored report that cannot be read back is a failed start, not a lost request.
/// </summary>
internal static class ReferralStart
{
    public static async Task<RunResult> RunAsync(WorkflowRunner runner, ILogger logger, string caseNumber, Func<ReportInput> report,
        string actor, CancellationToken cancellationToken)
    {
        try
        {
            return await runner.StartAsync(CaseIntake.ProcessKey, caseNumber, StartVariables.For(caseNumber, report()), actor, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Starting the referral process of case {CaseNumber} threw", caseNumber);
            return new RunResult(RunOutcome.Incident, exception.Message);
        }
    }
}
