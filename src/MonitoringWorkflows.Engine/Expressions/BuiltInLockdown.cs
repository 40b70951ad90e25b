using Jint;
using JintEngine = Jint.Engine;
using Jint.Native;
using Jint.Native.Object;

namespace MonitoringWorkflows.Engine.Expressions;

/// <summary>
/// Hardens a fresh engine before it is pooled. Resetting the globals after each evaluation does not undo
/// a change to a built-in (<c>Array.prototype.includes = () =&gt; true</c>), so every built-in object is
/// frozen instead, and the globals that reach past one evaluation are made undefined. The cost of freezing is
/// that assigning a property a built-in prototype already has (<c>obj.toString = ...</c>) throws; define
/// it in the object literal instead.
/// </summary>
internal static class BuiltInLockdown
{
    // Shared memory and blocking waits, garbage-collector-observable references (a finalization callback
    // would run in a later evaluation), whole new realms, and Temporal: a second clock and a large surface
    // that makes building each engine slower, while variables carry dates as ISO 8601 text anyway.
    private static readonly string[] Removed =
        ["ShadowRealm", "SharedArrayBuffer", "Atomics", "FinalizationRegistry", "WeakRef", "Temporal"];

    // Intrinsic prototypes no global leads to: only their instances do.
    private const string HiddenIntrinsics = """
        [function* () {}, async function () {}, async function* () {}, async () => {},
         (function* () {})(), (async function* () {})(),
         [][Symbol.iterator](), ''[Symbol.iterator](), new Map().entries(), new Set().values(),
         'a'.matchAll(/a/g), [].values().map(x => x), Iterator.from({ next() { return { done: true }; } }),
         new Intl.Segmenter().segment(''), new Intl.Segmenter().segment('')[Symbol.iterator]()]
        """;

    public static void Apply(JintEngine engine)
    {
        // Overwritten, not deleted: a deletion takes the global object out of Jint's fixed built-in layout,
        // and restoring a global object without it costs several times more after every evaluation.
        foreach (var name in Removed) engine.Global.Set(name, JsValue.Undefined);

        var seen = new HashSet<ObjectInstance>(ReferenceEqualityComparer.Instance) { engine.Global };
        var pending = new Stack<ObjectInstance>();
        void Add(JsValue? value)
        {
            if (value is ObjectInstance obj && seen.Add(obj)) pending.Push(obj);
        }

        AddValuesOf(engine.Global, Add);
        foreach (var intrinsic in (JsArray)engine.Evaluate(HiddenIntrinsics)) Add(intrinsic);

        var freeze = engine.Intrinsics.Object.Get("freeze");
        while (pending.TryPop(out var obj))
        {
            Add(obj.Prototype);
            AddValuesOf(obj, Add);
            // The walk allocates a few megabytes; the per-evaluation memory limit is not meant for it.
            engine.Constraints.Reset();
            engine.Call(freeze, JsValue.Undefined, [obj]);
        }
    }

    private static void AddValuesOf(ObjectInstance obj, Action<JsValue?> add)
    {
        foreach (var (_, descriptor) in obj.GetOwnProperties())
        {
            if (descriptor.IsDataDescriptor()) add(descriptor.Value);
            else
            {
                add(descriptor.Get);
                add(descriptor.Set);
            }
        }
    }
}
