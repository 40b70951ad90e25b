using Microsoft.Extensions.DependencyInjection.Extensions;
using MonitoringWorkflows.Engine.Actions;
using MonitoringWorkflows.Engine.Execution;
using MonitoringWorkflows.Engine.Expressions;

namespace MonitoringWorkflows.Web.Runtime;

public static class RuntimeRegistration
{
    /// <summary>The engine (executor, sandboxed JavaScript, built-in actions) and the runner that persists its steps.</summary>
    public static IServiceCollection AddWorkflowRuntime(this IServiceCollection services)
    {
        services.AddSingleton<IExpressionEvaluator, JintExpressionEvaluator>();
        // The engine's built-in actions; a feature that brings more registers them as IServiceAction too.
        foreach (var action in BuiltInActions.All) services.AddSingleton(action);
        services.AddSingleton(provider => new ServiceActionRegistry(provider.GetServices<IServiceAction>()));
        services.AddSingleton<ProcessExecutor>();
        services.AddSingleton<DefinitionCache>();
        services.AddSingleton<PublishedVersions>();
        services.AddSingleton<RunnerConnection>();
        services.TryAddSingleton<ITimerScheduler, NoTimerScheduler>();
        services.AddSingleton<WorkflowRunner>();
        return services;
    }
}
