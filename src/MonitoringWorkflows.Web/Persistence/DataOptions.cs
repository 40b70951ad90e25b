namespace MonitoringWorkflows.Web.Persistence;

/// <summary>The <c>Data</c> settings: where the database lives and how durable a commit is.</summary>
public sealed class DataOptions
{
    public const string Section = "Data";

    /// <summary>The data folder; relative paths are under the content root.</summary>
    public string Folder { get; set; } = "data";

    public string DatabaseFile { get; set; } = "monitoring.db";

    /// <summary>SQLite <c>synchronous</c>: FULL (durable, the default), NORMAL (WAL: may lose the last commits on power loss), OFF or EXTRA.</summary>
    public string Synchronous { get; set; } = "FULL";

    internal string FolderPath(string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, Folder));

    internal string ConnectionString(string contentRoot) =>
        $"Data Source={Path.Combine(FolderPath(contentRoot), DatabaseFile)};Pooling=True";

    /// <summary>
    /// Per-connection settings: durability, and a native busy timeout so that a writer of another process is waited
    /// for inside SQLite (in steps of a few milliseconds) rather than by the driver's coarse retry loop.
    /// </summary>
    internal string ConnectionPragmas() => Synchronous.ToUpperInvariant() switch
    {
        "OFF" or "NORMAL" or "FULL" or "EXTRA" => $"PRAGMA synchronous={Synchronous.ToUpperInvariant()}; PRAGMA busy_timeout=5000;",
        _ => throw new InvalidOperationException($"Data:Synchronous '{Synchronous}' is not one of OFF, NORMAL, FULL, EXTRA."),
    };
}
