// The <mw:input target source/> mappings in an element's extensionElements, read and written through the modeler's
// commands so that undo/redo and the autosave see every change.
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';

export function inputsOf(element) {
  const values = getBusinessObject(element).extensionElements?.values ?? [];
  return values.filter((v) => is(v, 'mw:Input'));
}

export function setInput(element, target, source, modeling, bpmnFactory) {
  const bo = getBusinessObject(element);
  let extensionElements = bo.extensionElements;
  if (!extensionElements) {
    extensionElements = bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
    extensionElements.$parent = bo;
    modeling.updateProperties(element, { extensionElements });
  }
  const others = extensionElements.values.filter((v) => !(is(v, 'mw:Input') && v.target === target));
  const values = source
    ? [...others, Object.assign(bpmnFactory.create('mw:Input', { target, source }), { $parent: extensionElements })]
    : others;
  modeling.updateModdleProperties(element, extensionElements, { values });
}
