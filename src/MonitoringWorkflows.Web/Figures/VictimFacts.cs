using MonitoringWorkflows.Web.Cases;

namespace MonitoringWorkflows.Web.Figures;

/// <summary>
/// The facts of a report's victims, taken as the figures always read reports: a row with neither age nor sex is no
/// victim, a sex outside the choices is "unknown", only known types of violence count. <see cref="Backfill"/> says the
/// same in SQL, for cases written before the table existed or copied in bulk.
/// </summary>
public static class VictimFacts
{
    /// <summary>The facts of a case being recorded; the case's id is set when both are saved.</summary>
    public static List<VictimFactRecord> Of(CaseRecord record, ReportInput report)
    {
        var month = VictimFactRecord.MonthOf(record.CreatedAt);
        var types = ViolenceTypeBits.Of(report.ViolenceTypes);
        return report.Victims.Where(v => !v.IsBlank).Select(v => new VictimFactRecord
        {
            Case = record, DistrictId = record.DistrictId, Month = month, AgeGroup = AgeGroups.Of(v.Age),
            Sex = v.Sex is { } sex && ReportChoices.Sexes.Contains(sex) ? sex : FigureValues.UnknownSex,
            ViolenceTypes = types, ProcessInstanceId = MainInstanceOf(record),
        }).ToList();
    }

    /// <summary>Once the process started (or failed to), the facts name the main instance the outcome is read from.</summary>
    public static void Started(IEnumerable<VictimFactRecord> facts, CaseRecord record)
    {
        foreach (var fact in facts) fact.ProcessInstanceId = MainInstanceOf(record);
    }

    private static long? MainInstanceOf(CaseRecord record) => record.Status == CaseStatus.Open ? record.ProcessInstanceId : null;

    /// <summary>.NET's white space (char.IsWhiteSpace), for SQLite's trim: a row of only such characters is blank.</summary>
    private const string WhiteSpace = "char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)";

    /// <summary>
    /// Writes the facts of every case that has none (cases written before the table, or copied in bulk): the same rules
    /// as <see cref="Of"/>, read with json_each from the stored report. The month is the registration's in Baku time
    /// (UTC+4, no daylight saving); an age counts only as <c>int.TryParse</c> with <c>NumberStyles.None</c> reads it.
    /// </summary>
    public const string Backfill = $$"""
        INSERT INTO "VictimFacts" ("CaseId", "DistrictId", "Month", "AgeGroup", "Sex", "ViolenceTypes", "ProcessInstanceId")
        SELECT v."CaseId", v."DistrictId",
               CAST(strftime('%Y%m', (v."CreatedAt" - 621355968000000000) / 10000000 + 14400, 'unixepoch') AS INTEGER),
               CASE WHEN v."Age" GLOB '[0-9]*' AND v."Age" NOT GLOB '*[^0-9]*' AND length(ltrim(v."Age", '0')) <= 10
                         AND CAST(v."Age" AS INTEGER) <= 2147483647 THEN
                      CASE WHEN CAST(v."Age" AS INTEGER) <= 5 THEN '0-5' WHEN CAST(v."Age" AS INTEGER) <= 11 THEN '6-11'
                           WHEN CAST(v."Age" AS INTEGER) < 18 THEN '12-17' WHEN CAST(v."Age" AS INTEGER) < 60 THEN '18-59' ELSE '60+' END
                    ELSE 'unknown' END,
               CASE WHEN v."Sex" IN ('female', 'male') THEN v."Sex" ELSE 'unknown' END,
               coalesce((SELECT sum(DISTINCT CASE t.value WHEN 'physical' THEN 1 WHEN 'psychological' THEN 2 WHEN 'sexual' THEN 4
                                                          WHEN 'economic' THEN 8 WHEN 'neglect' THEN 16 END)
                         FROM json_each(v."ReportJson", '$.violenceTypes') AS t), 0),
               CASE WHEN v."Status" = 'ProcessNotStarted' THEN NULL ELSE v."ProcessInstanceId" END
        FROM (SELECT c."Id" AS "CaseId", c."DistrictId", c."CreatedAt", c."ReportJson", c."Status", c."ProcessInstanceId",
                     json_extract(e.value, '$.age') AS "Age", json_extract(e.value, '$.sex') AS "Sex"
              FROM "Cases" AS c, json_each(c."ReportJson", '$.victims') AS e
              WHERE NOT EXISTS (SELECT 1 FROM "VictimFacts" AS f WHERE f."CaseId" = c."Id")) AS v
        WHERE trim(coalesce(v."Age", ''), {{WhiteSpace}}) <> '' OR trim(coalesce(v."Sex", ''), {{WhiteSpace}}) <> '';
        """;
}
