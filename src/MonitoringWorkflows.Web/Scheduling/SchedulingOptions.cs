namespace MonitoringWorkflows.Web.Scheduling;

/// <summary>The <c>Scheduling</c> settings: Quartz as the clock that fires the engine's timers.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>Off: timers stay pending rows and nothing fires them (for tests and tools that do not want a clock).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Quartz's own SQLite file in the data folder: SQLite has one writer, and Quartz writes at every firing.</summary>
    public string DatabaseFile { get; set; } = "quartz.db";

    /// <summary>
    /// Due timers are fired many to a transaction (<see cref="DueTimerQueue"/>): one durable commit for a burst instead of
    /// one per timer. Off: each timer is fired alone in Quartz's job (kept to compare, and as a fallback).
    /// </summary>
    public bool FireInBatches { get; set; } = true;

    /// <summary>The most timers one batch fires (and so the longest a batch holds the write lock).</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>Timers fired at the same time (Quartz's thread pool).</summary>
    public int Concurrency { get; set; } = 8;

    /// <summary>How often a timer that lost a race with a user's step is tried again before it is put back for later.</summary>
    public int FireAttempts { get; set; } = 4;

    /// <summary>The wait before the second attempt; it grows with each attempt.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>When every attempt lost, the timer fires again this much later (its row stays pending).</summary>
    public TimeSpan PutBackDelay { get; set; } = TimeSpan.FromSeconds(30);
}
