// The palette and the replace / create / append menus offer only what our engine runs (SupportedFlowNodes in
// Engine/Bpmn/BpmnNames.cs): no send or business rule tasks, event-based or complex gateways, transactions, ad-hoc
// sub-processes, signal / escalation / conditional / compensation / link events, standard loops, pools or data.
const UNSUPPORTED = /(send-task|rule-task|complex-gateway|event-based|transaction|ad-hoc|signal|escalation|conditional-(start|intermediate|boundary|catch|event)|compensat|link|data-(object|store)|toggle-loop|participant|pool|lane|group)/;

function EnginePalette(palette, create, elementFactory, translate) {
  palette.registerProvider(500, this);
  const shape = (type, options = {}) => (event) => create.start(event, elementFactory.createShape({ type, ...options }));
  const action = (type, group, className, title) => ({
    group, className, title: translate(title), action: { dragstart: shape(type), click: shape(type) },
  });
  this.getPaletteEntries = () => (entries) => {
    for (const id of Object.keys(entries)) if (UNSUPPORTED.test(id)) delete entries[id];
    return {
      ...entries,
      'create.user-task': action('bpmn:UserTask', 'activity', 'bpmn-icon-user-task', 'Create user task'),
      'create.service-task': action('bpmn:ServiceTask', 'activity', 'bpmn-icon-service-task', 'Create service task'),
      'create.parallel-gateway': action('bpmn:ParallelGateway', 'gateway', 'bpmn-icon-gateway-parallel', 'Create parallel gateway'),
    };
  };
}
EnginePalette.$inject = ['palette', 'create', 'elementFactory', 'translate'];

function EngineMenus(popupMenu) {
  const filter = () => (entries) => {
    for (const id of Object.keys(entries)) if (UNSUPPORTED.test(id)) delete entries[id];
    return entries;
  };
  for (const menu of ['bpmn-replace', 'bpmn-create', 'bpmn-append']) {
    popupMenu.registerProvider(menu, 400, { getPopupMenuEntries: filter, getPopupMenuHeaderEntries: filter });
  }
}
EngineMenus.$inject = ['popupMenu'];

export default {
  __init__: ['enginePalette', 'engineMenus'],
  enginePalette: ['type', EnginePalette],
  engineMenus: ['type', EngineMenus],
};
