/**
 * Mounts Scalar into the API Reference page, keeps the credentials typed into it in session
 * cookies, and keeps its theme in step with Starlight's.
 */
import './zod-jitless';
import { createApiReference } from '@scalar/api-reference';
import '@scalar/api-reference/style.css';
import { CredentialJar, type NotKept } from '../credentials/jar';
import { buildScalarConfig, type ReferenceMountConfig, type ThemeMode } from './config';
import { guardCredentials, droppedText } from './credential-guard';
import { credentialsPlugin, type CredentialSnapshot } from './credentials-plugin';
import { notKeptText, showRequestFailure, showStatus } from './notices';
import { diagnosingFetch } from './request-failure';

type ScalarApp = ReturnType<typeof createApiReference>;

/** Mounts Scalar into `root`, which carries the page's configuration in `data-config`. */
export function mountApiReference(root: HTMLElement | null): void {
  if (!root?.dataset.config) return;

  const mount = JSON.parse(root.dataset.config) as ReferenceMountConfig;
  if (redirectToCanonicalPath(mount.basePath)) return;
  const jar = new CredentialJar(mount.basePath);
  const serverUrls = mount.servers.map((server) => server.url);
  let app: ScalarApp | undefined;
  // Watchers of an unmounted Scalar may still fire once; only the current mount may write.
  let generation = 0;

  const start = () => {
    const current = ++generation;
    const save = (snapshot: CredentialSnapshot) => {
      if (current === generation) saveSnapshot(jar, snapshot);
    };
    const target = document.createElement('div');
    target.className = 'api-reference__scalar';
    root.append(target);
    app = createApiReference(
      target,
      buildScalarConfig(mount, {
        theme: currentTheme(),
        stored: jar.read(serverUrls),
        plugins: [
          credentialsPlugin(
            mount.sources.map((source) => source.slug),
            save,
          ),
        ],
        onServerChange: (url) => {
          if (current === generation && serverUrls.includes(url)) jar.write('server', url);
        },
        customFetch: guardCredentials(
          diagnosingFetch(showRequestFailure),
          serverUrls,
          mount.guarded,
          (dropped) => showStatus(droppedText(dropped)),
        ),
      }),
    );
    revealWhenRendered(root, target, mount.sources[0]?.title ?? '');
  };

  start();
  followStarlightTheme();
  document.querySelector('[data-forget-credentials]')?.addEventListener('click', () => {
    jar.clear();
    app?.destroy();
    root.querySelector('.api-reference__scalar')?.remove();
    start();
    showStatus('Credentials forgotten: the cookies are removed and the fields are empty.');
  });
  document.querySelector('[data-failure-close]')?.addEventListener('click', () => {
    document.querySelector<HTMLDialogElement>('[data-request-failure]')?.close();
  });
}

/**
 * Reloads `/api-reference` or `/api-reference/index.html` as `/api-reference/`, the `Path` of the
 * credential cookies, and returns whether it did. The browser matches cookies against the URL the
 * page was loaded from, which `history.replaceState` does not change, so only a new load lets a
 * page served without the slash see the stored credentials.
 */
function redirectToCanonicalPath(basePath: string): boolean {
  const canonical = `${basePath}api-reference/`;
  const { pathname, search, hash } = location;
  if (pathname !== canonical.slice(0, -1) && pathname !== `${canonical}index.html`) return false;
  location.replace(`${canonical}${search}${hash}`);
  return true;
}

/**
 * Keeps the static view on screen until Scalar has drawn the document's title, then swaps them,
 * so the reader never sees an empty page or Scalar's loading skeleton. Scalar renders off-screen
 * meanwhile; see site.css.
 */
function revealWhenRendered(root: HTMLElement, target: HTMLElement, title: string): void {
  const staticView = root.querySelector('[data-static-reference]');
  if (!staticView) return;

  target.dataset.pending = '';
  const reveal = () => {
    observer.disconnect();
    clearTimeout(fallback);
    staticView.remove();
    root.querySelector('[data-loading]')?.remove();
    delete target.dataset.pending;
    scrollToFragment(target);
  };
  const rendered = () =>
    [...target.querySelectorAll('h1, h2')].some((heading) => heading.textContent?.trim() === title);
  const observer = new MutationObserver(() => {
    if (rendered()) reveal();
  });
  observer.observe(target, { childList: true, subtree: true });
  // Should Scalar never draw the title, it is shown anyway after a while.
  const fallback = setTimeout(reveal, 30_000);
}

/** Scrolls to the operation named in the URL's fragment, which Scalar prefixes with the slug. */
function scrollToFragment(target: HTMLElement): void {
  const fragment = decodeURIComponent(location.hash.slice(1));
  if (!fragment) return;
  const match = [...target.querySelectorAll<HTMLElement>('[id]')].find(
    (element) => element.id === fragment || element.id.endsWith(`/${fragment}`),
  );
  match?.scrollIntoView();
}

function saveSnapshot(jar: CredentialJar, snapshot: CredentialSnapshot): void {
  const notKept: NotKept[] = [];
  for (const [name, value] of Object.entries(snapshot.values)) {
    const result = jar.write(name as keyof CredentialSnapshot['values'], value);
    if (result) notKept.push(result);
  }
  if (snapshot.scheme) jar.write('scheme', snapshot.scheme);

  const kept = Object.values(snapshot.values).some((value) => value !== '');
  showStatus(
    notKeptText(notKept) ||
      (kept ? 'Credentials kept in session cookies until you close the browser.' : ''),
  );
}

function currentTheme(): ThemeMode {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

/** Sets Scalar's `dark-mode` or `light-mode` class on <body> whenever Starlight's theme changes. */
function followStarlightTheme(): void {
  const apply = () => {
    const dark = currentTheme() === 'dark';
    document.body.classList.toggle('dark-mode', dark);
    document.body.classList.toggle('light-mode', !dark);
  };
  apply();
  new MutationObserver(apply).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme'],
  });
}
