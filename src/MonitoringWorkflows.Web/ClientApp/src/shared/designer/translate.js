// bpmn-js and its properties panel ask the 'translate' service for their labels (palette, groups, fields); the page
// gives the translations of the ones an administrator meets, the rest stay in English.
export function translateModule(dictionary) {
  function translate(template, replacements = {}) {
    const text = dictionary[template] ?? template;
    return text.replace(/{([^}]+)}/g, (_, key) => replacements[key] ?? `{${key}}`);
  }
  return { translate: ['value', translate] };
}
