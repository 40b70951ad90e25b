using MonitoringWorkflows.Engine.Expressions;

namespace MonitoringWorkflows.Engine.Validation;

/// <summary>
/// What the validator checks a definition against. A set left null is not checked (the host may not know it,
/// for example in a unit test); an empty set means "nothing is known", so every reference to it is reported.
/// </summary>
public sealed class ValidationContext
{
    /// <summary>Checks that conditions, expressions and scripts parse.</summary>
    public required IExpressionEvaluator Expressions { get; init; }

    /// <summary>The form keys that exist (published forms).</summary>
    public IReadOnlySet<string>? KnownFormKeys { get; init; }

    /// <summary>The names of the built-in service actions (the host's action registry).</summary>
    public IReadOnlySet<string>? KnownServiceActions { get; init; }

    /// <summary>The agencies a user task may name as a literal (Police, Health…).</summary>
    public IReadOnlySet<string>? KnownAgencies { get; init; }

    /// <summary>The roles a user task may name as a literal (Chair, Secretary…).</summary>
    public IReadOnlySet<string>? KnownRoles { get; init; }

    /// <summary>The ids of published processes a call activity may call (besides the processes of the same file).</summary>
    public IReadOnlySet<string>? KnownProcessIds { get; init; }

    /// <summary>
    /// The called-element ids of the latest published version of another process (null when it is unknown), so that
    /// a call cycle through processes outside this file (A calls B calls A) is found before publishing.
    /// </summary>
    public Func<string, IReadOnlyCollection<string>?>? CalledElementsOf { get; init; }
}
