// The validation list of a designer page: every problem with its code and message; a problem on an element is a
// button that selects it.
export function showProblems(list, problems, text, select) {
  list.replaceChildren();
  list.dataset.count = String(problems.length);
  list.dataset.errors = String(problems.filter((p) => p.severity === 'error').length);
  if (problems.length === 0) {
    const none = document.createElement('li');
    none.className = 'ok';
    none.textContent = text.Problems_None;
    list.append(none);
    return;
  }
  for (const problem of problems) {
    const item = document.createElement('li');
    item.className = problem.severity;
    item.dataset.element = problem.elementId ?? '';
    item.dataset.code = problem.code;
    const label = problem.elementId ? document.createElement('button') : document.createElement('span');
    if (problem.elementId) {
      label.type = 'button';
      label.className = 'link';
      label.addEventListener('click', () => select(problem.elementId));
    }
    label.textContent = `${problem.code} ${problem.elementId ?? ''}`.trim();
    item.append(label, ' ', document.createTextNode(problem.message));
    list.append(item);
  }
}
