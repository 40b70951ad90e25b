using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Runtime;

namespace MonitoringWorkflows.Engine.Execution.Elements;

/// <summary>
/// A thrown BPMN error goes to the nearest enclosing activity with an error boundary that catches its code
/// (or every code). Uncaught in a called process, it ends the child for the parent to handle; uncaught at the
/// top, it is an incident.
/// </summary>
internal static class ErrorPropagation
{
    /// <summary>An error end event: the search starts at the activity that owns the token's scope.</summary>
    public static void ThrowFromScope(StepContext context, Token thrower, string errorCode)
    {
        context.Journal(JournalKind.ErrorThrown, thrower.ElementId, errorCode);
        Catch(context, OwnerOf(context, thrower.ScopeId), errorCode, thrower.ElementId);
    }

    /// <summary>An activity failed with a BPMN error (an action, a called process): its own boundaries are the first to try.</summary>
    public static void ThrowFromActivity(StepContext context, Token activityToken, string errorCode)
    {
        context.Journal(JournalKind.ErrorThrown, activityToken.ElementId, errorCode);
        Catch(context, activityToken, errorCode, activityToken.ElementId);
    }

    private static void Catch(StepContext context, Token? candidate, string errorCode, string thrownAt)
    {
        for (; candidate is not null; candidate = OwnerOf(context, candidate.ScopeId))
        {
            candidate = WholeActivity(context, candidate);
            if (context.NodeOf(candidate) is not Activity activity) continue;
            var boundary = activity.BoundaryEvents.FirstOrDefault(b => b.Definition is ErrorDefinition error
                && (error.ErrorCode is null || error.ErrorCode == errorCode));
            if (boundary is null) continue;
            BoundaryEvents.Trigger(context, candidate, boundary, data: null);
            return;
        }
        if (context.State.IsCalledProcess)
        {
            Cancellation.CancelAll(context);
            context.ProcessTerminated = true;
            context.Emit(new ErrorEscaped(errorCode, thrownAt));
            Flow.CompleteScopeIfEmpty(context, InstanceState.ProcessScopeId);
            return;
        }
        throw new StepFailure(IncidentCodes.UncaughtError, thrownAt,
            $"The error '{errorCode}' thrown at '{thrownAt}' is not caught by any error boundary event.");
    }

    /// <summary>The token of the activity that owns a scope (null for the process scope).</summary>
    private static Token? OwnerOf(StepContext context, int scopeId)
    {
        var scope = context.Scope(scopeId);
        return scope.OwnerTokenId is { } owner ? context.FindToken(owner) : null;
    }

    /// <summary>A multi-instance body stands for its whole activity: boundaries are on the root token.</summary>
    private static Token WholeActivity(StepContext context, Token token)
    {
        var scope = context.Scope(token.ScopeId);
        return scope.Kind == ScopeKind.MultiInstanceBody && scope.ElementId == token.ElementId
            ? context.FindToken(scope.OwnerTokenId!.Value)!
            : token;
    }
}
