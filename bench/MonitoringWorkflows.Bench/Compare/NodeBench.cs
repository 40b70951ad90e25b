using System.Diagnostics;
using System.Text.Json.Nodes;

namespace MonitoringWorkflows.Bench.Compare;

/// <summary>The Node side of the comparison: bench/bpmn-engine/run.js on the npm package bpmn-engine, installed on first use.</summary>
internal static class NodeBench
{
    private static string Folder => RepositoryLayout.NodeBench;

    /// <summary>Installs the pinned packages from package-lock.json when node_modules is missing.</summary>
    public static void EnsureInstalled()
    {
        if (File.Exists(Path.Combine(Folder, "node_modules", "bpmn-engine", "package.json"))) return;
        Console.WriteLine("  installing bpmn-engine: npm ci --ignore-scripts (once) ...");
        var (code, _, error) = Execute("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5));
        if (code != 0) throw new InvalidOperationException($"npm ci failed in {Folder} (exit {code}): {error}");
    }

    /// <summary>Runs run.js with these arguments and returns the JSON line it prints.</summary>
    public static JsonObject Run(IEnumerable<string> arguments, TimeSpan timeout)
    {
        var (code, output, error) = Execute("node", ["run.js", .. arguments], timeout);
        if (code != 0) throw new InvalidOperationException($"bpmn-engine run failed (exit {code}): {error.Trim()}");
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
        return JsonNode.Parse(line)!.AsObject();
    }

    public static string NodeVersion() => Execute("node", ["--version"], TimeSpan.FromSeconds(30)).Output.Trim();

    private static (int Code, string Output, string Error) Execute(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // Some npm packages phone home from install scripts; the install runs none, and this keeps any that would quiet.
        start.Environment["IBM_TELEMETRY_DISABLED"] = "true";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within {timeout}.");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
