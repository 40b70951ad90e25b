using System.Text.Json.Nodes;
using MonitoringWorkflows.Web.Forms;

namespace MonitoringWorkflows.Web.Tests.Forms;

public sealed class FormValidatorTests
{
    private static FormCheck Check(string form, string json) => FormValidator.Check(ShippedForms.Schema(form), JsonNode.Parse(json)!.AsObject());

    private static void AssertOnly(FormCheck check, string key, FieldProblem problem)
    {
        var error = Assert.Single(check.Errors);
        Assert.Equal((key, problem), (error.Key, error.Problem));
    }

    public static TheoryData<string> Forms() => new(ShippedForms.Keys());

    [Theory]
    [MemberData(nameof(Forms))]
    public void Parse_EveryShippedForm_IsSupportedAndHasFields(string form)
    {
        var schema = ShippedForms.Schema(form);

        Assert.NotEmpty(schema.Fields);
        Assert.All(schema.Fields, field => Assert.Contains(field.Type, FormSchema.FieldTypes));
    }

    [Fact]
    public void Check_ReferralAccepted_IsValid_AndKeepsTheData()
    {
        var check = Check("referral-response", """{"referralStatus":"accepted"}""");

        Assert.True(check.IsValid);
        Assert.Equal("accepted", check.Data["referralStatus"]!.GetValue<string>());
    }

    [Fact]
    public void Check_ReferralWithoutStatus_SaysTheStatusIsRequired()
    {
        AssertOnly(Check("referral-response", "{}"), "referralStatus", FieldProblem.Required);
    }

    [Fact]
    public void Check_ReferralDeclinedWithoutReason_RequiresTheReasonItsConditionShows()
    {
        AssertOnly(Check("referral-response", """{"referralStatus":"declined","declineReason":""}"""), "declineReason", FieldProblem.Required);
    }

    [Fact]
    public void Check_ReferralAcceptedWithAReasonForDeclining_DropsTheHiddenField()
    {
        var check = Check("referral-response", """{"referralStatus":"accepted","declineReason":"left over"}""");

        Assert.True(check.IsValid);
        Assert.False(check.Data.ContainsKey("declineReason"));
    }

    [Fact]
    public void Check_AStatusTheFormDoesNotOffer_IsRefused()
    {
        AssertOnly(Check("referral-response", """{"referralStatus":"ignored"}"""), "referralStatus", FieldProblem.NotOption);
    }

    [Fact]
    public void Check_AFieldTheFormDoesNotHave_IsRefused_EvenWithValidFields()
    {
        var check = Check("referral-response", """{"referralStatus":"accepted","riskLevel":"low"}""");

        AssertOnly(check, "riskLevel", FieldProblem.Unknown);
    }

    [Fact]
    public void Check_RiskScreeningWithKnownIndicatorsAndAgencies_IsValid()
    {
        var check = Check("risk-screening", """
            {"riskIndicators":["injuries","stalking"],"professionalJudgement":"none","needsShelter":true,
             "referralAgencies":["Police","Health"],"consentToShare":false,"screeningNotes":"Seen at home."}
            """);

        Assert.True(check.IsValid, string.Join(", ", check.Errors));
        Assert.Equal(2, check.Data["referralAgencies"]!.AsArray().Count);
    }

    [Fact]
    public void Check_AnIndicatorOutsideTheChecklist_IsRefused()
    {
        AssertOnly(Check("risk-screening", """{"professionalJudgement":"none","riskIndicators":["injuries","madeUp"]}"""),
            "riskIndicators", FieldProblem.NotOption);
    }

    [Fact]
    public void Check_AnAgencyNamedTwice_IsRefused()
    {
        AssertOnly(Check("risk-screening", """{"professionalJudgement":"none","referralAgencies":["Police","Police"]}"""),
            "referralAgencies", FieldProblem.Repeated);
    }

    [Fact]
    public void Check_AChecklistGivenAsText_IsRefused()
    {
        AssertOnly(Check("risk-screening", """{"professionalJudgement":"none","referralAgencies":"Police"}"""),
            "referralAgencies", FieldProblem.NotList);
    }

    [Fact]
    public void Check_RaisedJudgementWithoutReason_RequiresTheReason()
    {
        AssertOnly(Check("risk-screening", """{"professionalJudgement":"raise-to-high"}"""), "judgementReason", FieldProblem.Required);
    }

    [Fact]
    public void Check_NoJudgement_HidesTheReason_SoItIsNotRequired()
    {
        Assert.True(Check("risk-screening", """{"professionalJudgement":"none"}""").IsValid);
    }

    [Fact]
    public void Check_ACheckboxGivenAsText_IsRefused()
    {
        AssertOnly(Check("risk-screening", """{"professionalJudgement":"none","needsShelter":"yes"}"""), "needsShelter", FieldProblem.NotBoolean);
    }

    [Fact]
    public void Check_ANoteGivenAsANumber_IsRefused()
    {
        AssertOnly(Check("risk-screening", """{"professionalJudgement":"none","screeningNotes":42}"""), "screeningNotes", FieldProblem.NotText);
    }

    [Fact]
    public void Check_TextLongerThanTheCap_IsRefused()
    {
        var data = new JsonObject { ["professionalJudgement"] = "none", ["screeningNotes"] = new string('a', FormValidator.TextCap + 1) };

        var check = FormValidator.Check(ShippedForms.Schema("risk-screening"), data);

        var error = Assert.Single(check.Errors);
        Assert.Equal(FieldProblem.TooLongForAnyField, error.Problem);
        Assert.Equal(FormValidator.TextCap, error.Limit);
    }

    [Fact]
    public void Check_TextAtTheCap_IsAccepted()
    {
        var data = new JsonObject { ["professionalJudgement"] = "none", ["screeningNotes"] = new string('a', FormValidator.TextCap) };

        Assert.True(FormValidator.Check(ShippedForms.Schema("risk-screening"), data).IsValid);
    }

    [Fact]
    public void Check_ScriptInAText_IsAcceptedAsText()
    {
        var check = Check("risk-screening", """{"professionalJudgement":"none","screeningNotes":"<script>alert(1)</script>"}""");

        Assert.True(check.IsValid);
        Assert.Equal("<script>alert(1)</script>", check.Data["screeningNotes"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("59", FieldProblem.BelowMin)]
    [InlineData("181", FieldProblem.AboveMax)]
    [InlineData("90.5", FieldProblem.NotWholeNumber)]
    [InlineData("\"many\"", FieldProblem.NotNumber)]
    public void Check_CourtOrderDaysOutsideTheLaw_AreRefused(string days, FieldProblem problem)
    {
        var check = Check("court-order", $$"""
            {"applicationFiledAt":"2026-02-01","courtDecision":"granted","courtOrderDays":{{days}},"courtDecisionAt":"2026-02-10"}
            """);

        AssertOnly(check, "courtOrderDays", problem);
    }

    [Fact]
    public void Check_CourtOrderGrantedFor90Days_IsValid()
    {
        var check = Check("court-order", """
            {"applicationFiledAt":"2026-02-01","courtDecision":"granted","courtOrderDays":90,"courtDecisionAt":"2026-02-10"}
            """);

        Assert.True(check.IsValid, string.Join(", ", check.Errors));
    }

    [Fact]
    public void Check_CourtOrderRefused_DoesNotAskForDays()
    {
        var check = Check("court-order", """{"applicationFiledAt":"2026-02-01","courtDecision":"refused","courtDecisionAt":"2026-02-10"}""");

        Assert.True(check.IsValid);
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("01.02.2026")]
    [InlineData("tomorrow")]
    public void Check_AMalformedDate_IsRefused(string date)
    {
        var check = Check("court-order", $$"""{"applicationFiledAt":"{{date}}","courtDecision":"refused","courtDecisionAt":"2026-02-10"}""");

        AssertOnly(check, "applicationFiledAt", FieldProblem.NotDate);
    }

    [Theory]
    [InlineData("2026-02-01T10:30+04:00", true)]
    [InlineData("2026-02-01T10:30:00Z", true)]
    [InlineData("2026-02-01", false)]
    public void Check_ProtectionOrderIssuedAt_TakesADateAndTime(string at, bool valid)
    {
        var check = Check("protection-order", $$"""{"orderType":"short-term-order","orderIssuedAt":"{{at}}","orderDurationDays":30}""");

        Assert.Equal(valid, check.IsValid);
    }

    [Fact]
    public void Check_ClosureReturnedWithoutNote_RequiresTheNote()
    {
        AssertOnly(Check("closure-approval", """{"closureDecision":"return"}"""), "closureNote", FieldProblem.Required);
    }

    [Fact]
    public void Check_FamilyVisit_RequiresTheDateAndTheSummary()
    {
        var check = Check("family-visit", """{"risksObserved":false}""");

        Assert.Equal(["visitDate", "visitSummary"], check.Errors.Select(e => e.Key).Order());
        Assert.All(check.Errors, e => Assert.Equal(FieldProblem.Required, e.Problem));
    }

    [Fact]
    public void Check_ANullForARequiredSelect_CountsAsMissing()
    {
        AssertOnly(Check("support-provided", """{"supportOutcome":null,"supportNote":"x"}"""), "supportOutcome", FieldProblem.Required);
    }
}
