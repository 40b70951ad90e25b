using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Runtime;

namespace MonitoringWorkflows.Engine.Execution.Elements;

/// <summary>
/// Multi-instance: the token on the activity (the root) waits while one body per element of the collection runs,
/// all at once (parallel) or one after another (sequential). Each body is a scope with the element variable and
/// <c>loopCounter</c> (0-based) as locals; the bodies see <c>nrOfInstances</c>, <c>nrOfActiveInstances</c> and
/// <c>nrOfCompletedInstances</c>.
/// </summary>
internal static class MultiInstanceBody
{
    public static bool IsBody(StepContext context, Token token, Activity activity) =>
        context.State.Scopes.Find(s => s.Id == token.ScopeId) is { Kind: ScopeKind.MultiInstanceBody } scope
        && scope.ElementId == activity.Id;

    public static void Start(StepContext context, Token root, Activity activity)
    {
        var items = Collection(context, root, activity);
        var characteristics = activity.MultiInstance!;
        Activities.Wait(root, WaitKind.Scope);
        var bookkeeping = new ScopeInstance
        {
            Id = context.State.TakeId(),
            Kind = ScopeKind.MultiInstance,
            ElementId = activity.Id,
            ParentScopeId = root.ScopeId,
            OwnerTokenId = root.Id,
            NrOfInstances = items.Count,
        };
        context.State.Scopes.Add(bookkeeping);
        if (items.Count == 0)
        {
            Finish(context, root, bookkeeping, activity);
            return;
        }
        if (characteristics.IsSequential)
        {
            bookkeeping.PendingItems = new JsonArray(items.Skip(1).Select(i => i?.DeepClone()).ToArray());
            StartBody(context, root, bookkeeping, activity, items[0], index: 0);
        }
        else
        {
            for (var i = 0; i < items.Count; i++) StartBody(context, root, bookkeeping, activity, items[i], i);
        }
    }

    public static void CompleteBody(StepContext context, Token bodyToken, Activity activity)
    {
        var body = context.Scope(bodyToken.ScopeId);
        var bookkeeping = context.Scope(body.ParentScopeId!.Value);
        var root = context.FindToken(bookkeeping.OwnerTokenId!.Value)!;
        bookkeeping.NrOfActiveInstances--;
        bookkeeping.NrOfCompletedInstances++;

        var done = activity.MultiInstance!.CompletionCondition is { } condition
            && context.Expressions.EvaluateCondition(condition, context.VariablesOf(bodyToken));
        context.State.Tokens.Remove(bodyToken);
        context.State.Scopes.Remove(body);

        if (done)
        {
            Cancellation.CancelScopesOwnedBy(context, root, except: bookkeeping);
            Finish(context, root, bookkeeping, activity);
        }
        else if (bookkeeping.PendingItems is { Count: > 0 } pending)
        {
            var next = pending[0]?.DeepClone();
            pending.RemoveAt(0);
            StartBody(context, root, bookkeeping, activity, next, bookkeeping.NrOfCompletedInstances);
        }
        else if (bookkeeping.NrOfActiveInstances == 0)
        {
            Finish(context, root, bookkeeping, activity);
        }
    }

    private static void StartBody(StepContext context, Token root, ScopeInstance bookkeeping, Activity activity, JsonNode? item, int index)
    {
        var locals = new JsonObject { ["loopCounter"] = index };
        if (activity.MultiInstance!.ElementVariable is { } elementVariable) locals[elementVariable] = item?.DeepClone();
        var body = new ScopeInstance
        {
            Id = context.State.TakeId(),
            Kind = ScopeKind.MultiInstanceBody,
            ElementId = activity.Id,
            ParentScopeId = bookkeeping.Id,
            OwnerTokenId = root.Id,
            Locals = locals,
        };
        context.State.Scopes.Add(body);
        bookkeeping.NrOfActiveInstances++;
        context.MakeReady(context.NewToken(activity.Id, body.Id));
    }

    private static void Finish(StepContext context, Token root, ScopeInstance bookkeeping, Activity activity)
    {
        context.State.Scopes.Remove(bookkeeping);
        BoundaryEvents.Unsubscribe(context, root);
        context.Journal(JournalKind.ElementCompleted, activity.Id);
        Flow.Leave(context, root, activity, activity.DefaultFlow);
    }

    private static List<JsonNode?> Collection(StepContext context, Token root, Activity activity)
    {
        var characteristics = activity.MultiInstance!;
        var variables = context.VariablesOf(root);
        if (characteristics.Collection is { } collection)
        {
            return context.Expressions.Evaluate(collection, variables) switch
            {
                JsonArray array => array.ToList(),
                null => throw Bad(activity, $"its collection '{collection}' is empty (null or undefined)"),
                var other => throw Bad(activity, $"its collection '{collection}' gave {other.ToJsonString()}, expected an array"),
            };
        }
        if (characteristics.LoopCardinality is { } cardinality)
        {
            var value = context.Expressions.Evaluate(cardinality, variables);
            if (value is JsonValue number && number.GetValueKind() == JsonValueKind.Number
                && double.TryParse(number.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var count)
                && count >= 0 && count == Math.Floor(count) && count <= 10_000)
                return Enumerable.Range(0, (int)count).Select(i => (JsonNode?)JsonValue.Create(i)).ToList();
            throw Bad(activity, $"its loop cardinality '{cardinality}' gave {value?.ToJsonString() ?? "null"}, expected a whole number from 0 to 10000");
        }
        throw Bad(activity, "it has neither a collection nor a loop cardinality");
    }

    private static StepFailure Bad(Activity activity, string what) =>
        new(IncidentCodes.BadCollection, activity.Id, $"Multi-instance {activity.Describe()}: {what}.");
}
