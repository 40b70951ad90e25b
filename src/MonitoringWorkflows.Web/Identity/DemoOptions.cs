namespace MonitoringWorkflows.Web.Identity;

/// <summary>The <c>Demo</c> settings: demo logins for trying the system out.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Creates one login per role and per agency; they need no second factor while this is on.</summary>
    public bool Enabled { get; set; }

    /// <summary>The password every demo login gets (the README lists it).</summary>
    public string Password { get; set; } = "Monitoring-Demo-2026";
}

/// <summary>The <c>Identity</c> settings used at first start outside demo mode.</summary>
public sealed class FirstStartOptions
{
    public const string Section = "Identity";

    /// <summary>The login of the administrator created on a database without one.</summary>
    public string AdministratorEmail { get; set; } = "admin@monitoring.local";
}
