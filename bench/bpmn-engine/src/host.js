// The bench's host for bpmn-engine, doing what our in-memory host does for our engine: it runs an instance to its
// end, answers every user task with the scenario's form data, delivers the messages the instance waits for, runs
// called processes from other files as child engines (or completes them at once) and lets timers fire as needed.
import { EventEmitter } from 'node:events';
import { Engine } from 'bpmn-engine';
import { BenchTimers } from './timers.js';
import { openInboxItem } from './dialect.js';
import { inputsOf, evaluateMappings } from './mappings.js';

const silent = () => ({ debug() {}, error() {}, warn() {} });

export class Host {
  constructor(library, { scenario, calls = 'run-child', passed } = {}) {
    this.library = library;
    this.scenario = scenario;
    this.calls = calls;
    this.passed = passed;
  }

  async run(processId, variables, route) {
    const entry = this.library.get(processId);
    if (!entry) throw new Error(`No file of the bench defines the process '${processId}'.`);
    const engine = new Engine({ name: processId, sourceContext: entry.sourceContext, timers: new BenchTimers(), Logger: silent, ...entry.options });
    const listener = new EventEmitter();
    // A person answers a task after the engine has settled, never in the middle of its step: answering inside the
    // 'wait' event lets a join see one branch done before the split has started the others, and fire too early.
    listener.on('activity.wait', (api) => setImmediate(() => this._onWait(api, route)));
    listener.on('activity.call', (api) => this._onCall(api, entry, route));
    if (this.passed) listener.on('activity.end', (api) => this.passed.add(api.id));
    // The process runs on its own copy of the environment: its variables are read when it ends.
    let ending;
    listener.on('process.end', (api) => (ending = api.environment.variables));
    const ended = engine.waitFor('end');
    await engine.execute({ listener, variables });
    await ended;
    return ending;
  }

  _onWait(api, route) {
    const behaviour = api.owner.behaviour;
    // A catch event waits through its event definition: the event's own type is the owner's.
    const type = api.owner.type ?? api.type;
    if (type === 'bpmn:UserTask') {
      if (this.scenario) openInboxItem(behaviour, api.content, api.environment.variables);
      return api.signal(this._formData(route, behaviour.formKey));
    }
    if (type === 'bpmn:IntermediateCatchEvent' || type === 'bpmn:ReceiveTask') {
      const name = messageName(behaviour);
      return api.signal(this._copy(this.scenario?.messages?.[name]) ?? {});
    }
  }

  _onCall(api, entry, route) {
    const calledElement = api.content.calledElement;
    // A process of the same file is run by bpmn-engine itself; one of another file is the host's to run.
    if (entry.processes.includes(calledElement)) return;
    if (this.calls === 'complete-at-once') return api.signal(this._copy(this.scenario.calledProcessResults[calledElement]) ?? {});
    const variables = api.environment.variables;
    const inputs = inputsOf(api.owner.behaviour);
    const childVariables = inputs.length ? evaluateMappings(inputs, [variables]) : { ...variables };
    this.run(calledElement, childVariables, route).then(
      (result) => api.signal({ ...result }),
      (err) => api.owner.emitFatal?.(err) ?? console.error(err)
    );
  }

  _formData(route, formKey) {
    if (!this.scenario || !formKey) return {};
    return this._copy(route.forms[formKey] ?? this.scenario.forms[formKey]) ?? {};
  }

  // Each submission is a fresh object, as a host that parses a submitted form gets one.
  _copy(value) {
    return value === undefined ? undefined : structuredClone(value);
  }
}

function messageName(behaviour) {
  const definition = behaviour.eventDefinitions?.find((d) => d.type === 'bpmn:MessageEventDefinition');
  return definition?.behaviour?.messageRef?.name ?? behaviour.messageRef?.name;
}
