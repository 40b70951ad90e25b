using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Forms;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.ProtectionOrders;
using MonitoringWorkflows.Web.Runtime;

namespace MonitoringWorkflows.Web.Inbox;

public enum CompletionOutcome { Completed, NotFound, Invalid, ClaimedByOther, Conflict, Rejected, Incident }

/// <summary>What completing a step did: the field errors when the data were refused, a message in the user's language otherwise.</summary>
public sealed record CompletionResult(CompletionOutcome Outcome, string Message, FormCheck? Check = null);

/// <summary>
/// Completes a step with data checked against its form. Nothing is written until the data pass; an unclaimed step is
/// claimed on the way (and refused if someone claims it first), a step held by someone else is refused.
/// </summary>
public sealed class StepCompletion(InboxQueries queries, StepClaims claims, WorkflowRunner runner, ProtectionOrderRules orderRules,
    ProtectionOrderBook orders, IStringLocalizer<InboxText> text)
{
    public async Task<CompletionResult> CompleteAsync(InboxHolder holder, long id, JsonObject data, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(holder, id, cancellationToken) is not { } view) return new(CompletionOutcome.NotFound, text["Step_NotFound"]);
        if (!view.IsOpen) return new(CompletionOutcome.Conflict, NotOpenMessage(view.Step));
        if (view.IsClaimedByOther(holder)) return ClaimedByOther(view.ClaimedByName ?? view.Step.ClaimedBy);
        FormCheck check;
        try
        {
            check = FormValidator.Check(view.FormSchemaJson is { } json ? FormSchema.Parse(json) : FormSchema.Empty, data);
        }
        catch (FormSchemaException exception)
        {
            return new(CompletionOutcome.Rejected, text["Complete_FormUnsupported", exception.Message]);
        }
        if (!check.IsValid) return new(CompletionOutcome.Invalid, text["Complete_Invalid"], check);
        // The law's limits on a protection order, whatever range the form itself allows.
        if (orderRules.Check(view.Step.FormKey, check.Data) is { Count: > 0 } orderErrors)
            return new(CompletionOutcome.Invalid, text["Complete_Invalid"], check with { Errors = orderErrors });
        if (view.Step.ClaimedBy is null)
        {
            var claim = await claims.ClaimAsync(holder, id, cancellationToken);
            if (claim.Outcome == ClaimOutcome.ClaimedByOther) return ClaimedByOther(claim.ClaimedByName);
            if (!claim.IsOk) return await AfterConflictAsync(holder, id, cancellationToken);
        }
        var result = await runner.CompleteTaskAsync(id, check.Data, holder.UserName, cancellationToken);
        if (result.IsOk) await orders.RecordAsync(view.Step, view.CaseRecord, check.Data, holder.UserName, cancellationToken);
        return result.Outcome switch
        {
            RunOutcome.Ok => new(CompletionOutcome.Completed, text["Complete_Done", view.Case.Number]),
            RunOutcome.Incident => new(CompletionOutcome.Incident, text["Complete_Incident"]),
            RunOutcome.Rejected => new(CompletionOutcome.Rejected, text["Complete_Rejected", result.Message ?? ""]),
            RunOutcome.NotFound => new(CompletionOutcome.NotFound, text["Step_NotFound"]),
            _ => await AfterConflictAsync(holder, id, cancellationToken),
        };
    }

    public string NotOpenMessage(UserTaskRecord step) => step.Status == UserTaskStatus.Completed
        ? text["Step_AlreadyCompleted", step.CompletedBy ?? "", step.CompletedAt?.ToLocalDisplay() ?? ""]
        : text["Step_Cancelled"];

    private CompletionResult ClaimedByOther(string? name) =>
        new(CompletionOutcome.ClaimedByOther, text["Claim_AlreadyClaimed", name ?? ""]);

    // Someone completed the step, or the instance moved, between our read and our write: say which, from a fresh read.
    private async Task<CompletionResult> AfterConflictAsync(InboxHolder holder, long id, CancellationToken cancellationToken) =>
        await queries.FindAsync(holder, id, cancellationToken) is { IsOpen: false } now
            ? new(CompletionOutcome.Conflict, NotOpenMessage(now.Step))
            : new(CompletionOutcome.Conflict, text["Complete_Conflict"]);
}
