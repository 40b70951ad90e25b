using MonitoringWorkflows.Web.Designer.Drafts;

namespace MonitoringWorkflows.Web.Designer;

/// <summary>The form designer's page.</summary>
public sealed class FormModel(DraftStore drafts) : DesignerPageModel(drafts, DefinitionKind.Form);
