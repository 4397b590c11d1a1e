/**
 * A Scalar plugin that reports every change to the credentials typed into the API Explorer, as
 * it happens. It reads Scalar's auth state through the documented plugin hook `onInit`, whose
 * getters are reactive, so Vue's `watch` fires on every keystroke, before any request is sent.
 */
import { watch } from 'vue';
import type { ApiReferenceConfiguration } from '@scalar/api-reference';
import { SCHEME_NAMES, isSchemeName } from '../../lib/credentials/cookies';
import type { SchemeName } from '../../lib/openapi/auth-mode';

type Plugin = NonNullable<ApiReferenceConfiguration['plugins']>[number];

/** The credentials of one document, as Scalar stores them now. */
export interface CredentialSnapshot {
  values: Record<SchemeName, string>;
  scheme: SchemeName | undefined;
}

interface AuthReader {
  getAuthSecrets: (document: string, scheme: string) => Record<string, unknown> | undefined;
  getAuthSelectedSchemas: (payload: {
    type: 'document';
    documentName: string;
  }) => { selectedIndex: number; selectedSchemes: Array<Record<string, string[]>> } | undefined;
}

/** Creates the plugin; `onChange` receives the document's credentials after each change. */
export function credentialsPlugin(
  slugs: string[],
  onChange: (snapshot: CredentialSnapshot) => void,
): Plugin {
  return () => ({
    name: 'session-cookie-credentials',
    extensions: [],
    hooks: {
      onInit: ({ auth }: { auth: AuthReader }) => {
        for (const slug of slugs) {
          watch(() => readSnapshot(auth, slug), onChange, { deep: true });
        }
      },
    },
  });
}

function readSnapshot(auth: AuthReader, slug: string): CredentialSnapshot {
  const values = Object.fromEntries(
    SCHEME_NAMES.map((name) => {
      const secret = auth.getAuthSecrets(slug, name)?.['x-scalar-secret-token'];
      return [name, typeof secret === 'string' ? secret : ''];
    }),
  ) as Record<SchemeName, string>;

  const selected = auth.getAuthSelectedSchemas({ type: 'document', documentName: slug });
  const requirement = selected?.selectedSchemes[selected.selectedIndex] ?? {};
  const names = Object.keys(requirement);
  const scheme = names.length === 1 && isSchemeName(names[0]!) ? names[0] : undefined;

  return { values, scheme };
}
