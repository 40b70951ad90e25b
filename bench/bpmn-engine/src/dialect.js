// Teaches bpmn-engine our dialect through its documented extension points (scripts, expressions, extensions,
// timers), so that it runs the same .bpmn files as our engine and takes the same paths:
// conditions and scripts are plain JavaScript over the variables, `=` marks an expression in mw: attributes,
// completed tasks merge their data (or their mw:output mappings) into the variables, and service tasks run `notify`.
import { evaluate, runScript, valueOf } from './javascript.js';
import { inputsOf, evaluateMappings, completeInto } from './mappings.js';

const isJavaScript = (language) => !language || /^(javascript|js)$/i.test(language);

/** The locals of a multi-instance body (its element variable and loop counter), seen first by its expressions. */
export function localsOf(behaviour, content) {
  const name = behaviour?.loopCharacteristics?.behaviour?.elementVariable;
  if (!name || !content || !(name in content)) return undefined;
  return { [name]: content[name], loopCounter: content.index };
}

/** Conditions and script tasks, compiled once per source text. One instance per BPMN file: element ids repeat across files. */
export class DialectScripts {
  constructor() {
    this.scripts = new Map();
  }

  register({ id, type, behaviour }) {
    if (type === 'bpmn:SequenceFlow') {
      const condition = behaviour.conditionExpression;
      if (condition?.body && isJavaScript(condition.language)) this.scripts.set(id, new FlowCondition(condition.body.trim().replace(/^=/, '')));
    } else if (type === 'bpmn:ScriptTask' && isJavaScript(behaviour.scriptFormat)) {
      this.scripts.set(id, new ScriptRun(behaviour));
    }
  }

  getScript(_language, { id }) {
    return this.scripts.get(id);
  }
}

function FlowCondition(body) {
  this.body = body;
}

FlowCondition.prototype.execute = function execute(scope, callback) {
  try {
    return callback(null, evaluate(this.body, [scope.environment.variables]));
  } catch (err) {
    return callback(err);
  }
};

function ScriptRun(behaviour) {
  this.behaviour = behaviour;
  this.inputs = inputsOf(behaviour);
}

// The script's assignments are its output; the 'end' extension below puts them into the variables.
ScriptRun.prototype.execute = function execute(scope, callback) {
  try {
    const layers = [localsOf(this.behaviour, scope.content), scope.environment.variables];
    const inputs = this.inputs.length ? evaluateMappings(this.inputs, layers) : undefined;
    return callback(null, runScript(this.behaviour.script, [inputs, ...layers]));
  } catch (err) {
    return callback(err);
  }
};

/** `=expression` in our attributes (collections, timer durations…); anything else is a literal. */
export const dialectExpressions = {
  resolveExpression(text, from) {
    if (typeof text !== 'string' || !text.trim().startsWith('=')) return text;
    return evaluate(text.trim().slice(1), [from?.environment?.variables]);
  },
  isExpression: (text) => typeof text === 'string' && text.trim().startsWith('='),
  hasExpression: (text) => typeof text === 'string' && text.trim().startsWith('='),
};

const completes = new Set(['bpmn:UserTask', 'bpmn:ScriptTask', 'bpmn:CallActivity', 'bpmn:IntermediateCatchEvent', 'bpmn:ReceiveTask']);

/**
 * Runs `notify` service tasks, and merges what each completed activity gives into the variables. It listens on the
 * activity's execution exchange because a multi-instance body completes there (bodies emit no 'end' event), and
 * before the activity leaves, so that what follows sees the new variables.
 */
export function dialectExtension(activity) {
  const { type, behaviour, broker } = activity;
  if (type === 'bpmn:ServiceTask' && behaviour.action === 'notify') behaviour.Service = NotifyService;
  if (!completes.has(type)) return;
  const consumerTag = `_mw-complete-${activity.id}`;
  const onCompleted = (_routingKey, message) => {
    const content = message.content;
    // A multi-instance activity completes once per body, then once as a whole: only the bodies carry data.
    if (behaviour.loopCharacteristics && content.isRootScope) return;
    const variables = activity.environment.variables;
    completeInto(variables, behaviour, [localsOf(behaviour, content), variables], content.output, type !== 'bpmn:CallActivity');
  };
  return {
    activate() {
      broker.subscribeTmp('execution', 'execute.completed', onCompleted, { noAck: true, consumerTag, priority: 10000 });
    },
    deactivate() {
      broker.cancel(consumerTag);
    },
  };
}

/** The same work as our notify action: evaluate the inputs, check them, build the outbox message. */
function NotifyService(activity) {
  this.activity = activity;
}

NotifyService.prototype.execute = function execute(executeMessage, callback) {
  const { behaviour, environment } = this.activity;
  try {
    const layers = [localsOf(behaviour, executeMessage.content), environment.variables];
    const inputs = evaluateMappings(inputsOf(behaviour), layers);
    if (!inputs.agency && !inputs.role) throw new Error('notify needs an agency or a role');
    if (!inputs.subject) throw new Error('notify needs a subject');
    const message = { kind: 'notification', elementId: this.activity.id, payload: { ...inputs } };
    return callback(null, { outbox: [message] });
  } catch (err) {
    return callback(err);
  }
};

/** The work our engine does when it opens an inbox item: agency, role, due date and inputs. */
export function openInboxItem(behaviour, content, variables) {
  const layers = [localsOf(behaviour, content), variables];
  const inputs = inputsOf(behaviour);
  return {
    agency: valueOf(behaviour.agency, layers),
    role: valueOf(behaviour.role, layers),
    dueIn: valueOf(behaviour.dueIn, layers),
    formKey: behaviour.formKey,
    input: inputs.length ? evaluateMappings(inputs, layers) : undefined,
  };
}
