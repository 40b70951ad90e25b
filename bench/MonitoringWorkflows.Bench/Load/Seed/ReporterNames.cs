namespace MonitoringWorkflows.Bench.Load.Seed;

/// <summary>Reporters' names and telephone numbers for the cloned reports, from a seeded random source.</summary>
internal static class ReporterNames
{
    private static readonly string[] Given =
        ["Aynur", "Leyla", "Günel", "Səbinə", "Nərmin", "Aysel", "Kamran", "Rəşad", "Elvin", "Tural", "Orxan", "Fidan", "Nigar", "Zaur", "Samir"];

    private static readonly string[] Family =
        ["Məmmədova", "Əliyeva", "Hüseynova", "Quliyeva", "Həsənov", "İsmayılov", "Abbasov", "Rzayeva", "Kərimov", "Cəfərova", "Babayev", "Nəsirova"];

    private static readonly string[] Operators = ["50", "51", "55", "70", "77", "99"];

    public static string Name(Random random) => $"{Given[random.Next(Given.Length)]} {Family[random.Next(Family.Length)]}";

    public static string Contact(Random random) =>
        $"0{Operators[random.Next(Operators.Length)]} {random.Next(200, 999)} {random.Next(10, 99)} {random.Next(10, 99)}";
}
