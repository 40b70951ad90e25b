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
  for (const { target, source: expression } of mappings) result[target] = valueOf(expression, scope);
  return result;
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
