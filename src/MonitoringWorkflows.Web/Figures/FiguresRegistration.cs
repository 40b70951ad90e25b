namespace MonitoringWorkflows.Web.Figures;

public static class FiguresRegistration
{
    public static IServiceCollection AddFigures(this IServiceCollection services) => services.AddScoped<FigureCounting>();
}
