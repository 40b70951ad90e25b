namespace MonitoringWorkflows.Web.Organisation;

/// <summary>A local executive authority (district) and its monitoring group.</summary>
public sealed class District
{
    public int Id { get; set; }

    /// <summary>Short upper-case code, unique, used in case numbers (<c>DEMO-2026-0001</c>).</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
