namespace MonitoringWorkflows.Web.Meetings;

public static class MeetingsRegistration
{
    public static IServiceCollection AddMeetings(this IServiceCollection services) => services
        .AddScoped<MeetingBook>().AddScoped<MeetingEditor>().AddScoped<MinutesClosing>().AddScoped<MeetingChecks>()
        .AddScoped<AgendaProposal>().AddScoped<WaitingReviews>().AddScoped<RepeatCases>();
}
