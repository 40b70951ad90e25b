using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace MonitoringWorkflows.Web.Designer;

/// <summary>The resource for the designer's pages and the strings their scripts read.</summary>
public sealed class DesignerText
{
    /// <summary>The names the page scripts read from the JSON block the pages render (everything but the list page's own).</summary>
    internal static readonly string[] ScriptKeys =
    [
        "Status_Saved", "Status_Saving", "Status_Unsaved", "Status_Conflict", "Status_Error", "Reload", "Validating",
        "Problems_None", "PublishRefused", "Published", "NothingToPublish", "Unknown", "Choose", "Check_Invalid", "Group_Assignment",
        "Field_AssignTo", "Assign_Agency", "Assign_Role", "Assign_Expression", "Field_Agency", "Field_Role",
        "Field_AssigneeExpression", "Help_AssigneeExpression", "Field_Form", "Form_None", "Field_DueIn", "Help_DueIn",
        "Help_Escalation", "Field_EscalateAfter", "Help_EscalateAfter", "Group_Action", "Field_Action", "Field_Input", "Help_Input", "Group_Condition", "Field_Condition",
        "Help_Condition", "Group_MultiInstance", "Field_Collection", "Help_Collection", "Field_ElementVariable",
        "Help_ElementVariable", "Group_Timer", "Help_Timer", "Group_Message", "Help_Message",
    ];

    private const string BpmnPrefix = "Bpmn:";

    /// <summary>The scripts' strings in the user's language, with bpmn-js's own labels under "Bpmn" (English → translation).</summary>
    public static string ScriptJson(IStringLocalizer<DesignerText> text)
    {
        var strings = ScriptKeys.ToDictionary(k => k, k => (object)text[k].Value);
        strings["Bpmn"] = text.GetAllStrings(includeParentCultures: true)
            .Where(s => s.Name.StartsWith(BpmnPrefix, StringComparison.Ordinal))
            .ToDictionary(s => s.Name[BpmnPrefix.Length..], s => s.Value);
        // Escaped for a <script> block: no "</script>" can close it early.
        return JsonSerializer.Serialize(strings, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default });
    }
}
