using System.Globalization;

namespace MonitoringWorkflows.Bench;

/// <summary>The command line: a mode, then <c>--name value</c> options.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> values = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> flags = new(StringComparer.OrdinalIgnoreCase);

    public string Mode { get; private init; } = "";

    /// <summary>Arguments after the mode that are not options (a data folder…).</summary>
    public IReadOnlyList<string> Positional => positional;

    private readonly List<string> positional = [];

    public static Options Parse(string[] args)
    {
        var options = new Options { Mode = args.Length > 0 ? args[0].ToLowerInvariant() : "" };
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                options.positional.Add(args[i]);
                continue;
            }
            var name = args[i][2..];
            if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) options.values[name] = args[++i];
            else options.flags.Add(name);
        }
        return options;
    }

    public bool Flag(string name) => flags.Contains(name);

    public TimeSpan Seconds(string name, double fallback) =>
        TimeSpan.FromSeconds(values.TryGetValue(name, out var text) ? double.Parse(text, CultureInfo.InvariantCulture) : fallback);

    public int Int(string name, int fallback) =>
        values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public string? Text(string name) => values.GetValueOrDefault(name);

    /// <summary>A duration written as <c>500ms</c>, <c>30s</c>, <c>2m</c> or plain seconds.</summary>
    public TimeSpan Duration(string name, TimeSpan fallback)
    {
        if (!values.TryGetValue(name, out var text)) return fallback;
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('m') ? (text[..^1], 60.0) : text.EndsWith('s') ? (text[..^1], 1.0) : (text, 1.0);
        return TimeSpan.FromSeconds(double.Parse(number, CultureInfo.InvariantCulture) * unit);
    }
}
