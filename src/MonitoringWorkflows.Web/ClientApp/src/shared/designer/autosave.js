// The draft's life cycle on a designer page: debounced saves with the draft's revision, a visible status
// (saved / saving / unsaved / conflict), a conflict that offers to reload and never overwrites, and a question before
// leaving with unsaved changes.
import { call, format, when } from './api.js';

export function createAutosave({ url, revision, read, text, status, delay = 800, onSaved }) {
  let current = revision;
  let dirty = false;
  let saving = null;
  let timer = null;
  let conflicted = false;

  function show(state, message) {
    status.dataset.state = state;
    status.replaceChildren(document.createTextNode(message));
    if (state === 'conflict') {
      const reload = document.createElement('button');
      reload.type = 'button';
      reload.className = 'link';
      reload.dataset.testid = 'reload';
      reload.textContent = text.Reload;
      reload.addEventListener('click', () => { dirty = false; location.reload(); });
      status.append(' ', reload);
    }
  }

  async function save() {
    timer = null;
    if (!dirty || conflicted) return;
    if (saving) { await saving; return save(); }
    dirty = false;
    show('saving', text.Status_Saving);
    saving = (async () => {
      const content = await read();
      const answer = await call('PUT', url, { content, revision: current });
      if (answer.ok) {
        current = answer.data.revision;
        if (!dirty) show('saved', format(text.Status_Saved, when(answer.data.updatedAt)));
        onSaved?.(answer.data);
      } else if (answer.status === 409) {
        conflicted = true;
        dirty = true;
        show('conflict', format(text.Status_Conflict, answer.data?.by ?? '?', when(answer.data?.at)));
      } else {
        dirty = true;
        show('error', format(text.Status_Error, answer.data?.title ?? answer.status));
      }
    })();
    try { await saving; } finally { saving = null; }
  }

  window.addEventListener('beforeunload', (event) => {
    if (!dirty && !saving) return;
    event.preventDefault();
    event.returnValue = '';
  });

  return {
    changed() {
      if (conflicted) return;
      dirty = true;
      show('unsaved', text.Status_Unsaved);
      clearTimeout(timer);
      timer = setTimeout(save, delay);
    },
    /** Saves now (before validating or publishing) and gives the revision the server holds. */
    async flush() {
      clearTimeout(timer);
      await save();
      if (saving) await saving;
      return { revision: current, clean: !dirty && !conflicted };
    },
    /** After publishing: the draft is gone, the next save starts a new one from the published version. */
    reset(revision) { current = revision; },
    get revision() { return current; },
    get conflicted() { return conflicted; },
  };
}
