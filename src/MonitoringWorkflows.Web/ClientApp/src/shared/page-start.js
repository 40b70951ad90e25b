// How a page script that draws into one root element starts: it runs its loader, and when that fails the root says
// so in the page's language (its data-failed text) and marks itself failed for the browser tests.

/** Runs load() when the page has the root element; a failure replaces the root's content with its notice. */
export function startPage(root, load) {
  if (!root) return;
  load().catch((error) => {
    console.error(error);
    const message = document.createElement('p');
    message.className = 'notice';
    message.textContent = root.dataset.failed;
    root.replaceChildren(message);
    root.dataset.ready = 'failed';
  });
}
