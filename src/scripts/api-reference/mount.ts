/** Mounts Scalar into the API Reference page and keeps its theme in step with Starlight's. */
import { createApiReference } from '@scalar/api-reference';
import '@scalar/api-reference/style.css';
import { buildScalarConfig, type ReferenceMountConfig, type ThemeMode } from './config';

/** Mounts Scalar into `root`, which carries the page's configuration in `data-config`. */
export function mountApiReference(root: HTMLElement | null): void {
  if (!root?.dataset.config) return;

  const mount = JSON.parse(root.dataset.config) as ReferenceMountConfig;
  root.querySelector('[data-loading]')?.remove();
  createApiReference(root, buildScalarConfig(mount, currentTheme()));
  followStarlightTheme();
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
