using MonitoringWorkflows.Engine.Execution.Elements;
using MonitoringWorkflows.Engine.Runtime;

namespace MonitoringWorkflows.Engine.Execution;

/// <summary>Cancels a token and everything that hangs off it: nested scopes and their tokens, tasks, timers, child instances.</summary>
internal static class Cancellation
{
    public static void Cancel(StepContext context, Token token)
    {
        CancelScopesOwnedBy(context, token, except: null);
        BoundaryEvents.Unsubscribe(context, token);
        if (token.Phase == TokenPhase.Waiting)
        {
            switch (token.Wait)
            {
                case WaitKind.UserTask: context.Emit(new UserTaskCancelled(token.TaskId!.Value, token.ElementId)); break;
                case WaitKind.CalledProcess: context.Emit(new CalledProcessCancelled(token.Id, token.ElementId)); break;
            }
        }
        context.Journal(JournalKind.ElementCancelled, token.ElementId);
        context.State.Tokens.Remove(token);
    }

    /// <summary>Cancels every scope the token owns (a sub-process run, multi-instance bodies) except one to keep.</summary>
    public static void CancelScopesOwnedBy(StepContext context, Token owner, ScopeInstance? except)
    {
        var owned = context.State.Scopes.FindAll(s => s.OwnerTokenId == owner.Id && !ReferenceEquals(s, except));
        foreach (var scope in owned) CancelScope(context, scope);
    }

    /// <summary>Cancels every token in the scope (and below), then removes the scope.</summary>
    public static void CancelScope(StepContext context, ScopeInstance scope)
    {
        foreach (var token in context.State.Tokens.FindAll(t => t.ScopeId == scope.Id)) Cancel(context, token);
        context.State.Scopes.Remove(scope);
    }

    /// <summary>Cancels every token of one scope but the given one (a terminate end event).</summary>
    public static void CancelTokensOfScope(StepContext context, int scopeId, Token keep)
    {
        foreach (var token in context.State.Tokens.FindAll(t => t.ScopeId == scopeId && !ReferenceEquals(t, keep)))
            Cancel(context, token);
    }

    /// <summary>Cancels every token of the instance.</summary>
    public static void CancelAll(StepContext context)
    {
        foreach (var token in context.State.Tokens.FindAll(t => t.ScopeId == InstanceState.ProcessScopeId))
            if (context.State.Tokens.Contains(token)) Cancel(context, token);
    }
}
