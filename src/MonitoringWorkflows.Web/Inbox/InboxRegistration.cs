namespace MonitoringWorkflows.Web.Inbox;

public static class InboxRegistration
{
    public static IServiceCollection AddInbox(this IServiceCollection services) => services
        .AddScoped<InboxQueries>()
        .AddScoped<StepClaims>()
        .AddScoped<StepCompletion>();
}
