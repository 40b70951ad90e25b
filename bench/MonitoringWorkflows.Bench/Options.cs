using System.Globalization;

namespace MonitoringWorkflows.Bench;

/// <summary>The command line: a mode, then <c>--name value</c> options.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> values = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> flags = new(StringComparer.OrdinalIgnoreCase);

    public string Mode { get; private init; } = "";

    public static Options Parse(string[] args)
    {
        var options = new Options { Mode = args.Length > 0 ? args[0].ToLowerInvariant() : "" };
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Unexpected argument '{args[i]}'.");
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
}
