/**
 * The three API environments. Their URLs come from the build settings and replace the URLs in the
 * document, so one document serves every deployment.
 */
import { asObject } from './rules';
import { toPointer, type OpenApiProblem } from './problems';

export const SERVER_NAMES = ['Production', 'UAT', 'Local'] as const;
export type ServerName = (typeof SERVER_NAMES)[number];

export type ServerUrls = { production: string; uat: string; local: string };

const SETTING_OF: Record<ServerName, keyof ServerUrls> = {
  Production: 'production',
  UAT: 'uat',
  Local: 'local',
};

/**
 * Sets the URL of each server described `Production`, `UAT` or `Local` from `urls`, in place,
 * and returns a problem for each of the three that the document lacks.
 */
export function applyServerUrls(
  document: Record<string, unknown>,
  urls: ServerUrls,
  file: string,
): OpenApiProblem[] {
  const servers = Array.isArray(document.servers) ? document.servers : [];
  const problems: OpenApiProblem[] = [];

  for (const name of SERVER_NAMES) {
    const index = servers.findIndex(
      (server) => String(asObject(server).description ?? '').trim() === name,
    );
    const url = urls[SETTING_OF[name]];
    if (index === -1) {
      problems.push({
        file,
        location: toPointer('servers'),
        message: `No server has the description "${name}".`,
        fix: `Add "- url: ${url}" with "description: ${name}" under servers. Its URL comes from the build settings.`,
      });
      continue;
    }
    servers[index] = { ...asObject(servers[index]), url };
  }
  return problems;
}

/** Lists the server URLs in the dropdown's order. */
export function serverList(urls: ServerUrls): Array<{ name: ServerName; url: string }> {
  return SERVER_NAMES.map((name) => ({ name, url: urls[SETTING_OF[name]] }));
}
