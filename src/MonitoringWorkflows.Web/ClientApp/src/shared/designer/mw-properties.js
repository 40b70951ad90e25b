// Our own properties provider for the mw: extension namespace (urn:monitoringworkflows:bpmn:1): who does a user task,
// its form and due time; a service task's action and inputs; sequence flow conditions; multi-instance collection and
// element variable; plain-language help for timers, messages and escalation. Expression fields are checked by the
// server as they are typed. The general group (name, id, documentation, timers, messages) comes from
// bpmn-js-properties-panel's own BPMN provider; this one adds to it.
import { h } from '@bpmn-io/properties-panel/preact';
import { useState } from '@bpmn-io/properties-panel/preact/hooks';
import {
  Group, SelectEntry, TextFieldEntry, TextAreaEntry,
  isSelectEntryEdited, isTextFieldEntryEdited, isTextAreaEntryEdited,
} from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { is, getBusinessObject } from 'bpmn-js/lib/util/ModelUtil';
import { inputsOf, setInput } from './mw-inputs.js';

export function createMwPropertiesModule({ catalog, text, checker }) {
  const modes = new WeakMap();

  function Help({ message }) {
    return h('p', { class: 'mw-help' }, message);
  }

  function helpEntry(id, message) {
    return { id, component: () => h(Help, { message }), isEdited: () => false };
  }

  function CheckedField({ element, id, label, description, kind, area, getValue, setValue }) {
    const debounce = useService('debounceInput');
    const [, rerender] = useState(0);
    const validate = (value) => {
      if (!value || !value.trim()) return null;
      const result = checker.check(id, kind, value, () => rerender((n) => n + 1));
      return result && !result.valid ? `${text.Check_Invalid}: ${result.message ?? ''}` : null;
    };
    return h(area ? TextAreaEntry : TextFieldEntry, { element, id, label, description, getValue, setValue, debounce, validate });
  }

  function useAttribute(element, name) {
    const modeling = useService('modeling');
    return {
      getValue: () => getBusinessObject(element).get(name) ?? '',
      setValue: (value) => modeling.updateProperties(element, { [name]: value ? value : undefined }),
    };
  }

  function choices(list, current, none) {
    const options = [{ value: '', label: none }, ...list];
    if (current && !list.some((o) => o.value === current)) options.push({ value: current, label: `${current} (${text.Unknown})` });
    return options;
  }

  function modeOf(bo) {
    if (modes.has(bo)) return modes.get(bo);
    if (bo.get('mw:role')) return 'role';
    return (bo.get('mw:agency') ?? '').startsWith('=') ? 'expression' : 'agency';
  }

  function AssignMode({ element, id }) {
    const modeling = useService('modeling');
    const bo = getBusinessObject(element);
    return h(SelectEntry, {
      element, id, label: text.Field_AssignTo,
      getValue: () => modeOf(bo),
      setValue: (mode) => {
        modes.set(bo, mode);
        modeling.updateProperties(element, { 'mw:agency': undefined, 'mw:role': undefined });
      },
      getOptions: () => [
        { value: 'agency', label: text.Assign_Agency },
        { value: 'role', label: text.Assign_Role },
        { value: 'expression', label: text.Assign_Expression },
      ],
    });
  }

  function Assignee({ element, id }) {
    const bo = getBusinessObject(element);
    const mode = modeOf(bo);
    const agency = useAttribute(element, 'mw:agency');
    const role = useAttribute(element, 'mw:role');
    if (mode === 'expression')
      return h(CheckedField, {
        element, id, kind: 'Value', label: text.Field_AssigneeExpression, description: text.Help_AssigneeExpression,
        getValue: agency.getValue, setValue: (v) => agency.setValue(v && !v.startsWith('=') ? `=${v}` : v),
      });
    const attribute = mode === 'role' ? role : agency;
    const list = (mode === 'role' ? catalog.roles : catalog.agencies).map((c) => ({ value: c.value, label: c.label }));
    return h(SelectEntry, {
      element, id, label: mode === 'role' ? text.Field_Role : text.Field_Agency,
      getValue: attribute.getValue, setValue: attribute.setValue,
      getOptions: () => choices(list, attribute.getValue(), text.Choose),
    });
  }

  function FormKey({ element, id }) {
    const form = useAttribute(element, 'mw:formKey');
    const list = catalog.forms.map((f) => ({ value: f.key, label: `${f.label} (${f.key}, v${f.version})` }));
    return h(SelectEntry, {
      element, id, label: text.Field_Form, getValue: form.getValue, setValue: form.setValue,
      getOptions: () => choices(list, form.getValue(), text.Form_None),
    });
  }

  function DueIn({ element, id }) {
    const due = useAttribute(element, 'mw:dueIn');
    return h(CheckedField, { element, id, kind: 'Duration', label: text.Field_DueIn, description: text.Help_DueIn, ...due });
  }

  /** The task's first non-interrupting timer boundary event: what this designer calls its escalation. */
  function escalationOf(element) {
    return (element.attachers ?? []).find((b) => getBusinessObject(b).cancelActivity === false
      && (getBusinessObject(b).eventDefinitions ?? []).some((d) => is(d, 'bpmn:TimerEventDefinition')));
  }

  function EscalateAfter({ element, id }) {
    const modeling = useService('modeling');
    const bpmnFactory = useService('bpmnFactory');
    const boundary = escalationOf(element);
    const timer = getBusinessObject(boundary).eventDefinitions.find((d) => is(d, 'bpmn:TimerEventDefinition'));
    return h(CheckedField, {
      element, id, kind: 'Duration', label: text.Field_EscalateAfter, description: text.Help_EscalateAfter,
      getValue: () => timer.timeDuration?.body ?? '',
      setValue: (value) => modeling.updateModdleProperties(boundary, timer, {
        timeDuration: value ? bpmnFactory.create('bpmn:FormalExpression', { body: value }) : undefined,
      }),
    });
  }

  function Action({ element, id }) {
    const action = useAttribute(element, 'mw:action');
    const list = catalog.actions.map((a) => ({ value: a.name, label: `${a.name} — ${a.description}` }));
    return h(SelectEntry, {
      element, id, label: text.Field_Action, getValue: action.getValue, setValue: action.setValue,
      getOptions: () => choices(list, action.getValue(), text.Choose),
    });
  }

  function ActionInput({ element, id, parameter }) {
    const modeling = useService('modeling');
    const bpmnFactory = useService('bpmnFactory');
    return h(CheckedField, {
      element, id, kind: 'Value', label: `${text.Field_Input} ${parameter}`, description: text.Help_Input,
      getValue: () => inputsOf(element).find((i) => i.target === parameter)?.source ?? '',
      setValue: (value) => setInput(element, parameter, value, modeling, bpmnFactory),
    });
  }

  function Condition({ element, id }) {
    const modeling = useService('modeling');
    const bpmnFactory = useService('bpmnFactory');
    return h(CheckedField, {
      element, id, kind: 'Condition', area: true, label: text.Field_Condition, description: text.Help_Condition,
      getValue: () => getBusinessObject(element).conditionExpression?.body ?? '',
      setValue: (value) => modeling.updateProperties(element, {
        conditionExpression: value ? bpmnFactory.create('bpmn:FormalExpression', { body: value }) : undefined,
      }),
    });
  }

  function LoopAttribute({ element, id, name, label, description, kind }) {
    const modeling = useService('modeling');
    const loop = getBusinessObject(element).loopCharacteristics;
    const props = {
      element, id, label, description,
      getValue: () => loop.get(name) ?? '',
      setValue: (value) => modeling.updateModdleProperties(element, loop, { [name]: value ? value : undefined }),
    };
    return kind ? h(CheckedField, { ...props, kind }) : h(TextFieldEntry, { ...props, debounce: useService('debounceInput') });
  }

  function entry(id, component, isEdited, extra = {}) {
    return { id, component: (props) => h(component, { ...props, ...extra }), isEdited };
  }

  function userTaskGroup(element) {
    return {
      id: 'mw-assignment', label: text.Group_Assignment, component: Group,
      entries: [
        entry('mw-assign-mode', AssignMode, isSelectEntryEdited),
        entry('mw-assignee', Assignee, isSelectEntryEdited),
        entry('mw-form', FormKey, isSelectEntryEdited),
        entry('mw-due-in', DueIn, isTextFieldEntryEdited),
        escalationOf(element)
          ? entry('mw-escalate-after', EscalateAfter, isTextFieldEntryEdited)
          : helpEntry('mw-escalation-help', text.Help_Escalation),
      ],
    };
  }

  function serviceTaskGroup(element) {
    const name = getBusinessObject(element).get('mw:action');
    const action = catalog.actions.find((a) => a.name === name);
    return {
      id: 'mw-action', label: text.Group_Action, component: Group,
      entries: [
        entry('mw-action-name', Action, isSelectEntryEdited),
        ...(action?.parameters ?? []).map((p) => entry(`mw-input-${p}`, ActionInput, isTextFieldEntryEdited, { parameter: p })),
        ...(action ? [helpEntry('mw-action-help', action.description)] : []),
      ],
    };
  }

  function conditionGroup(element) {
    const source = element.source;
    const bo = getBusinessObject(element);
    const conditional = source && (is(source, 'bpmn:ExclusiveGateway') || is(source, 'bpmn:InclusiveGateway'))
      && getBusinessObject(source).default !== bo;
    return conditional
      ? { id: 'mw-condition', label: text.Group_Condition, component: Group, entries: [entry('mw-condition-expression', Condition, isTextAreaEntryEdited)] }
      : null;
  }

  function loopEntries() {
    return [
      entry('mw-collection', LoopAttribute, isTextFieldEntryEdited,
        { name: 'mw:collection', label: text.Field_Collection, description: text.Help_Collection, kind: 'Value' }),
      entry('mw-element-variable', LoopAttribute, isTextFieldEntryEdited,
        { name: 'mw:elementVariable', label: text.Field_ElementVariable, description: text.Help_ElementVariable }),
    ];
  }

  function addTo(groups, id, label, entries) {
    const existing = groups.find((g) => g.id === id);
    if (existing) existing.entries.push(...entries);
    else groups.push({ id, label, component: Group, entries });
  }

  function MwPropertiesProvider(propertiesPanel) {
    propertiesPanel.registerProvider(400, this);
  }
  MwPropertiesProvider.$inject = ['propertiesPanel'];

  MwPropertiesProvider.prototype.getGroups = function (element) {
    return (groups) => {
      if (is(element, 'bpmn:UserTask')) groups.push(userTaskGroup(element));
      if (is(element, 'bpmn:ServiceTask')) groups.push(serviceTaskGroup(element));
      if (is(element, 'bpmn:SequenceFlow')) { const group = conditionGroup(element); if (group) groups.push(group); }
      if (is(getBusinessObject(element).loopCharacteristics, 'bpmn:MultiInstanceLoopCharacteristics'))
        addTo(groups, 'multiInstance', text.Group_MultiInstance, loopEntries());
      const definitions = getBusinessObject(element).eventDefinitions ?? [];
      if (definitions.some((d) => is(d, 'bpmn:TimerEventDefinition'))) addTo(groups, 'timer', text.Group_Timer, [helpEntry('mw-timer-help', text.Help_Timer)]);
      if (definitions.some((d) => is(d, 'bpmn:MessageEventDefinition')) || is(element, 'bpmn:ReceiveTask'))
        addTo(groups, 'message', text.Group_Message, [helpEntry('mw-message-help', text.Help_Message)]);
      return groups;
    };
  };

  return { __init__: ['mwPropertiesProvider'], mwPropertiesProvider: ['type', MwPropertiesProvider] };
}
