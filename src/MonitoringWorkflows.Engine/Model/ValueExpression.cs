namespace MonitoringWorkflows.Engine.Model;

/// <summary>
/// A value in our extension attributes: a literal (<c>Police</c>, <c>P3D</c>) or, when written with a
/// leading <c>=</c>, a JavaScript expression over the variables (<c>=agency</c>, <c>=level == 'high' ? 'PT24H' : 'P3D'</c>).
/// </summary>
public sealed record ValueExpression(string Text, bool IsExpression)
{
    public static ValueExpression? Parse(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var trimmed = raw.Trim();
        return trimmed.StartsWith('=')
            ? new ValueExpression(trimmed[1..].Trim(), IsExpression: true)
            : new ValueExpression(trimmed, IsExpression: false);
    }

    public override string ToString() => IsExpression ? "=" + Text : Text;
}

/// <summary>
/// An input or output mapping: <c>Target</c> receives the value of <c>Source</c>. An output with
/// <paramref name="Append"/> adds the value to the list in <c>Target</c> (starting one when there is none), which is
/// how each body of a multi-instance records its answer.
/// </summary>
public sealed record IoMapping(string Target, ValueExpression Source, bool Append = false);
