using MonitoringWorkflows.Web.Designer.Drafts;

namespace MonitoringWorkflows.Web.Designer;

/// <summary>The process designer's page.</summary>
public sealed class ProcessModel(DraftStore drafts) : DesignerPageModel(drafts, DefinitionKind.Process);
