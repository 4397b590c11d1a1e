/** The API Reference page's own messages: credential status and request failures. */
import type { NotKept } from '../credentials/jar';
import { EXPLORER_HEADERS, type RequestFailure } from './request-failure';

/** Shows a status line in the element marked `data-explorer-status`. */
export function showStatus(text: string): void {
  const element = document.querySelector<HTMLElement>('[data-explorer-status]');
  if (element) element.textContent = text;
}

/** Returns the status text for values too large to keep, or an empty string. */
export function notKeptText(notKept: NotKept[]): string {
  return notKept
    .map(
      ({ key, bytes, limit }) =>
        `The ${key} value is ${bytes.toLocaleString('en')} bytes once encoded, more than the ${limit.toLocaleString('en')} a cookie can hold, so it is not kept: it works until you reload.`,
    )
    .join(' ');
}

/** Explains a failed request in the dialog marked `data-request-failure`. */
export function showRequestFailure(failure: RequestFailure): void {
  const dialog = document.querySelector<HTMLDialogElement>('[data-request-failure]');
  if (!dialog) return;

  dialog.querySelector('[data-failure-title]')!.textContent = failureTitle(failure);
  const list = dialog.querySelector('[data-failure-steps]')!;
  list.replaceChildren(
    ...failureSteps(failure).map((text) => {
      const item = document.createElement('li');
      item.textContent = text;
      return item;
    }),
  );
  // A modal dialog sits in the browser's top layer, above Scalar's request panel and its toast.
  if (!dialog.open) dialog.showModal();
}

function failureTitle(failure: RequestFailure): string {
  switch (failure.kind) {
    case 'cors':
      return `${failure.apiOrigin} answered, but does not allow requests from ${failure.docsOrigin} (CORS).`;
    case 'unreachable':
      return `No answer from ${failure.apiOrigin}: the server is down, the URL is wrong, or the network blocks it.`;
    case 'mixed-content':
      return `The browser blocked a request to ${failure.apiOrigin}: an https page cannot call an http API.`;
  }
}

function failureSteps(failure: RequestFailure): string[] {
  switch (failure.kind) {
    case 'cors':
      return [
        `Add ${failure.docsOrigin} to the API's CORS allowed origins.`,
        `Allow these request headers in Access-Control-Allow-Headers: ${EXPLORER_HEADERS.join(', ')}.`,
        'Answer the OPTIONS preflight request with status 200 or 204 and those headers.',
      ];
    case 'unreachable':
      return [
        `Check that the server at ${failure.apiOrigin} is running and reachable from this computer.`,
        'Check the selected server in the dropdown of the API Reference.',
      ];
    case 'mixed-content':
      return ['Select an https server, or open these docs over http for local work.'];
  }
}
