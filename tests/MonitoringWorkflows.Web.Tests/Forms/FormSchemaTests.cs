using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MonitoringWorkflows.Web.Forms;

namespace MonitoringWorkflows.Web.Tests.Forms;

public sealed class FormSchemaTests
{
    private static FormSchema Schema(string components) => FormSchema.Parse($$"""{"components":[{{components}}]}""");

    [Fact]
    public void Parse_TextComponentsWithoutKey_AreNotFields()
    {
        var schema = Schema("""{"type":"text","text":"Hello"},{"type":"textfield","key":"name"}""");

        Assert.Equal(["name"], schema.Fields.Select(f => f.Key));
    }

    [Fact]
    public void Parse_AGroup_ContributesItsFields()
    {
        var schema = Schema("""{"type":"group","components":[{"type":"number","key":"count"}]}""");

        Assert.Equal("number", Assert.Single(schema.Fields).Type);
    }

    [Fact]
    public void Parse_AnUnknownComponentWithAKey_FailsClosed()
    {
        Assert.Throws<FormSchemaException>(() => Schema("""{"type":"filepicker","key":"upload"}"""));
    }

    [Fact]
    public void Parse_AConditionOutsideTheSupportedFeel_FailsClosed()
    {
        Assert.Throws<FormSchemaException>(() => Schema("""{"type":"textfield","key":"a","conditional":{"hide":"=count(b) > 2"}}"""));
    }

    [Fact]
    public void Parse_NotJson_FailsWithASchemaError()
    {
        Assert.Throws<FormSchemaException>(() => FormSchema.Parse("{components"));
    }

    [Theory]
    [InlineData("ab", FieldProblem.TooShort)]
    [InlineData("abcdefg", FieldProblem.TooLong)]
    public void Check_LengthLimitsFromTheSchema_AreApplied(string text, FieldProblem problem)
    {
        var schema = Schema("""{"type":"textfield","key":"code","validate":{"minLength":3,"maxLength":6}}""");

        var check = FormValidator.Check(schema, new JsonObject { ["code"] = text });

        Assert.Equal(problem, Assert.Single(check.Errors).Problem);
    }

    [Theory]
    [InlineData("""=a = "x" and b = true""", """{"a":"x","b":true}""", true)]
    [InlineData("""=a = "x" and b = true""", """{"a":"x","b":false}""", false)]
    [InlineData("""=not(a = "x")""", """{}""", true)]
    [InlineData("""=a = null or a = "none" """, """{}""", true)]
    [InlineData("""=a != 3""", """{"a":3}""", false)]
    [InlineData("""=(a = 1) or (a = 2)""", """{"a":2}""", true)]
    [InlineData("""=person.age = 9""", """{"person":{"age":9}}""", true)]
    public void FeelCondition_SupportedExpressions_EvaluateAsFormJsWould(string expression, string data, bool expected)
    {
        Assert.Equal(expected, FeelCondition.Parse(expression).IsTrue(JsonNode.Parse(data)!.AsObject()));
    }

    [Theory]
    [InlineData("en", "This field is required.")]
    [InlineData("ru", "Это поле обязательно.")]
    [InlineData("az", "Bu sahə doldurulmalıdır.")]
    public void Messages_AreInTheUsersLanguage(string culture, string expected)
    {
        var text = Localizer();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            Assert.Equal(expected, text.Message(new FieldError("a", FieldProblem.Required)));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Messages_ShowTheLimit()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        try
        {
            var byKey = Localizer().ByKey([new FieldError("days", FieldProblem.AboveMax, 180), new FieldError("days", FieldProblem.NotWholeNumber)]);

            Assert.Equal(["This can be at most 180.", "This must be a whole number."], byKey["days"]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static IStringLocalizer<FormsText> Localizer() => new StringLocalizer<FormsText>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));
}
