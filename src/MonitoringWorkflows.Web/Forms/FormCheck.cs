using System.Text.Json.Nodes;

namespace MonitoringWorkflows.Web.Forms;

/// <summary>Why a field's value was refused: a code for tests and callers, with the figures its message shows.</summary>
public enum FieldProblem
{
    Required, NotText, NotNumber, NotWholeNumber, NotBoolean, NotList, NotDate, NotOption, Repeated,
    TooShort, TooLong, TooLongForAnyField, BelowMin, AboveMax, Unknown,
}

/// <summary>One refused value: the form component's key, the problem and the limit it broke (if any).</summary>
public sealed record FieldError(string Key, FieldProblem Problem, decimal? Limit = null);

/// <summary>The outcome of checking submitted data: the data the process may get (hidden fields dropped), or the errors.</summary>
public sealed record FormCheck(JsonObject Data, IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public IEnumerable<FieldError> ErrorsOf(string key) => Errors.Where(e => e.Key == key);
}
