// bpmnlint's correctness rules, packed the way bpmnlint-loader would (esbuild has no such loader): a static resolver
// over the imported rule modules and a config naming them.
import StaticResolver from 'bpmnlint/lib/resolver/static-resolver';
import startEventRequired from 'bpmnlint/rules/start-event-required';
import endEventRequired from 'bpmnlint/rules/end-event-required';
import noDisconnected from 'bpmnlint/rules/no-disconnected';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows';
import fakeJoin from 'bpmnlint/rules/fake-join';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition';
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split';
import conditionalFlows from 'bpmnlint/rules/conditional-flows';

const rules = {
  'start-event-required': [startEventRequired, 'error'],
  'end-event-required': [endEventRequired, 'error'],
  'no-disconnected': [noDisconnected, 'error'],
  'no-duplicate-sequence-flows': [noDuplicateSequenceFlows, 'error'],
  'single-blank-start-event': [singleBlankStartEvent, 'error'],
  'single-event-definition': [singleEventDefinition, 'error'],
  'conditional-flows': [conditionalFlows, 'error'],
  'fake-join': [fakeJoin, 'warn'],
  'no-implicit-split': [noImplicitSplit, 'warn'],
};

const cache = {};
const config = { rules: {} };
for (const [name, [rule, level]] of Object.entries(rules)) {
  cache[`rule:bpmnlint/${name}`] = rule;
  config.rules[name] = level;
}

export default { resolver: new StaticResolver(cache), config };
export const lintRuleNames = Object.keys(rules);
