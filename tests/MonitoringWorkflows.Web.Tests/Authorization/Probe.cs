namespace MonitoringWorkflows.Web.Tests.Authorization;

/// <summary>
/// One request of the matrix and who may make it. A path names the world's things as {homeCase}, {otherCase},
/// {homeTask}, {otherTask}, {homeInstance}, {otherInstance}, {homeMeeting}, {otherMeeting}, {homeItem}, {testRun} (the administrator's
/// test run). A body is sent as JSON for the API and as a form for pages;
/// bodies are chosen so that an allowed call fails validation rather than changing the world.
/// A refusal is 403 for a role the endpoint is closed to, and 404 — exactly as for a nonexistent id — for someone in
/// the endpoint's <see cref="Audience"/> (whose role may use it) asking about a thing they may not know exists.
/// </summary>
public sealed record Probe(string Method, string Path, IReadOnlyList<Persona> Allowed, IReadOnlyList<Persona>? Audience = null, string? Json = null, IReadOnlyDictionary<string, string>? Form = null)
{
    public bool HidesThings => Audience is not null;

    public bool IsHiddenFrom(Persona persona) => Audience?.Contains(persona) == true && !Allowed.Contains(persona);

    public bool IsApi => Path.StartsWith("/api/", StringComparison.Ordinal);

    public string Name => $"{Method} {Path}";

    public string Resolve(MatrixSite site) => Path
        .Replace("{homeCase}", site.HomeCase).Replace("{otherCase}", site.OtherCase)
        .Replace("{homeTask}", site.HomeTask.ToString()).Replace("{otherTask}", site.OtherTask.ToString())
        .Replace("{homeInstance}", site.HomeInstance.ToString()).Replace("{otherInstance}", site.OtherInstance.ToString())
        .Replace("{homeMeeting}", site.HomeMeeting.ToString()).Replace("{otherMeeting}", site.OtherMeeting.ToString())
        .Replace("{homeItem}", site.HomeItem.ToString())
        .Replace("{testRun}", site.TestRun.ToString());
}
