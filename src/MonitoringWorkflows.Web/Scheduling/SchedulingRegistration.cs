using Microsoft.Extensions.Options;
using MonitoringWorkflows.Web.Runtime;
using Quartz;

namespace MonitoringWorkflows.Web.Scheduling;

public static class SchedulingRegistration
{
    /// <summary>
    /// Quartz with its persistent store in its own SQLite file, as the clock the runner tells about timers. Call after
    /// AddWorkflowRuntime and AddPersistence. The file's path is read when the scheduler is made, after the host (and
    /// a test factory) settled its configuration.
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulingOptions>().Bind(configuration.GetSection(SchedulingOptions.Section));
        services.AddSingleton<SchedulingDatabase>();
        services.AddQuartz(quartz =>
        {
            quartz.UsePersistentStore(store =>
            {
                // The SQLite dialect; the connections come from the provider below, once the data folder is known.
                store.UseSqlite("Data Source=quartz.db");
                store.UseConnectionProvider(provider => new SqliteQuartzProvider(provider.GetRequiredService<SchedulingDatabase>().ConnectionString));
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
            });
        });
        services.AddOptions<QuartzOptions>().Configure<SchedulingDatabase, IOptions<SchedulingOptions>>((quartz, database, scheduling) =>
        {
            quartz.Properties["quartz.scheduler.instanceName"] = database.SchedulerName;
            quartz.Properties["quartz.threadPool.maxConcurrency"] = scheduling.Value.Concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture);
            quartz.Properties["quartz.scheduler.batchTriggerAcquisitionMaxCount"] = scheduling.Value.Concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
        services.AddSingleton<QuartzClock>();
        services.AddSingleton<ITimerScheduler>(provider => provider.GetRequiredService<QuartzClock>());
        services.AddSingleton<TimerFiring>();
        services.AddSingleton<DueTimerQueue>();
        services.AddSingleton<TimerReconciliation>();
        services.AddSingleton<TimerRescheduling>();
        services.AddScoped<InstanceTimers>();
        services.AddHostedService<SchedulingService>();
        return services;
    }

}
