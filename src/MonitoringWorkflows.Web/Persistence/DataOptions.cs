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

    internal string SynchronousPragma() => Synchronous.ToUpperInvariant() switch
    {
        "OFF" or "NORMAL" or "FULL" or "EXTRA" => $"PRAGMA synchronous={Synchronous.ToUpperInvariant()};",
        _ => throw new InvalidOperationException($"Data:Synchronous '{Synchronous}' is not one of OFF, NORMAL, FULL, EXTRA."),
    };
}
