namespace MonitoringWorkflows.Web.Notifications;

/// <summary>The <c>Notifications</c> settings.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Whether the background worker delivers and sweeps (tests and tools may run the passes themselves).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the worker delivers new notifications and sweeps deadlines.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long before a step's due date its holders are reminded.</summary>
    public TimeSpan ReminderBefore { get; set; } = TimeSpan.FromHours(24);

    public SmtpSettings Smtp { get; set; } = new();
}

/// <summary>E-mail is sent only when <see cref="Host"/> is set; off by default.</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public bool EnableSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "monitoring@localhost";

    /// <summary>Where the links in an e-mail point (the site's public address), e.g. <c>https://monitoring.example.az</c>.</summary>
    public string? SiteAddress { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
