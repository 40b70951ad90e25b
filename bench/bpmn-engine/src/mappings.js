// Input and output mappings (<mw:input>/<mw:output>), applied as our engine applies them.
import { valueOf } from './javascript.js';

function mappingsOf(behaviour, type) {
  const values = behaviour?.extensionElements?.values;
  if (!values) return [];
  return values.filter((v) => v.$type === type);
}

export function inputsOf(behaviour) {
  return mappingsOf(behaviour, 'mw:Input');
}

export function outputsOf(behaviour) {
  return mappingsOf(behaviour, 'mw:Output');
}

/** Evaluates mappings in order; each later one sees the earlier ones' targets (and the source data, if any). */
export function evaluateMappings(mappings, layers, source) {
  const result = {};
  const scope = source ? [result, source, ...layers] : [result, ...layers];
  for (const { target, source: expression, append } of mappings) {
    const value = valueOf(expression, scope);
    result[target] = append ? [...currentList(target, [result, ...layers]), value] : value;
  }
  return result;
}

/** An appending output adds to the target's list as mapped so far, else as the variables hold it. */
function currentList(target, layers) {
  const holder = layers.find((layer) => layer && Object.prototype.hasOwnProperty.call(layer, target));
  const current = holder?.[target];
  if (current === undefined || current === null) return [];
  if (!Array.isArray(current)) throw new Error(`The output '${target}' adds to a list, but the variable holds ${JSON.stringify(current)}.`);
  return current;
}

/**
 * What a completed activity gives the variables: its output mappings over the result, else the result itself
 * (unless the activity is a call activity, whose child variables come back only through output mappings).
 */
export function completeInto(variables, behaviour, layers, result, mergeWithoutMappings = true) {
  const outputs = outputsOf(behaviour);
  if (outputs.length > 0) Object.assign(variables, evaluateMappings(outputs, layers, result ?? {}));
  else if (mergeWithoutMappings && result && typeof result === 'object') Object.assign(variables, result);
}
