using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MonitoringWorkflows.Web.Notifications;
using MonitoringWorkflows.Web.Tests.Support;

namespace MonitoringWorkflows.Web.Tests.Notifications;

public sealed class NotificationWorkerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static NotificationWorker Worker(NotificationSite site, PassLog log, TimeSpan interval) => new(
        site.Delivery, [site.Sweep], site.Time,
        Options.Create(new NotificationOptions { Enabled = true, Interval = interval }), log);

    private static async Task AddStepAsync(NotificationSite site)
    {
        await site.StartCaseAsync("StepProcess");
    }

    [Fact]
    public async Task Worker_RunsAPassAtStartAndThenAtEachTickOfItsClock()
    {
        await using var site = new NotificationSite();
        await site.PublishAsync("StepProcess", Bpmn.Sequence("StepProcess", Bpmn.UserTask("Investigate")));
        await AddStepAsync(site);
        var log = new PassLog();
        using var worker = Worker(site, log, TimeSpan.FromMinutes(1));

        await worker.StartAsync(CancellationToken.None);
        var first = await log.Lines.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        await AddStepAsync(site);
        site.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await log.Lines.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal((LogLevel.Information, LogLevel.Information), (first.Level, second.Level));
        Assert.Equal(2, (await site.ToldAsync()).Count);
    }

    [Fact]
    public async Task RunOnce_PassFails_LogsTheErrorAndReturns()
    {
        await using var site = new NotificationSite();
        await site.PublishAsync("StepProcess", Bpmn.Sequence("StepProcess", Bpmn.UserTask("Investigate")));
        await AddStepAsync(site);
        await using (var db = site.Db()) await db.Database.ExecuteSqlRawAsync("DROP TABLE \"Notifications\"");
        var log = new PassLog();
        using var worker = Worker(site, log, TimeSpan.FromMinutes(1));

        await worker.RunOnceAsync(CancellationToken.None);

        var line = await log.Lines.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.Equal(LogLevel.Error, line.Level);
        Assert.NotNull(line.Exception);
    }

    [Fact]
    public async Task Worker_Disabled_StartsNoPass()
    {
        await using var site = new NotificationSite();
        var log = new PassLog();
        using var worker = new NotificationWorker(site.Delivery, [site.Sweep], site.Time,
            Options.Create(new NotificationOptions { Enabled = false }), log);

        await worker.StartAsync(CancellationToken.None);
        await worker.ExecuteTask!.WaitAsync(Patience);

        Assert.True(worker.ExecuteTask.IsCompletedSuccessfully);
        Assert.False(log.Lines.Reader.TryRead(out _));
    }

    /// <summary>The worker's log lines, to wait on a pass without sleeping.</summary>
    private sealed class PassLog : ILogger<NotificationWorker>
    {
        public Channel<(LogLevel Level, string Message, Exception? Exception)> Lines { get; } = Channel.CreateUnbounded<(LogLevel, string, Exception?)>();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Writer.TryWrite((logLevel, formatter(state, exception), exception));
    }
}
