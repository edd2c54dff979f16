import 'server-only';
import type { EmulatorContext } from '../common/emulator';
import { notionError } from './errors';

/** The API versions Notion accepts, oldest first. */
export const NOTION_VERSIONS = ['2021-05-11', '2021-05-13', '2021-08-16', '2022-02-22', '2022-06-28', '2025-09-03', '2026-03-11'] as const;

/** How a version shapes its answers: 2025-09-03 brought data sources; 2026-03-11 dropped the `archived` alias of `in_trash`. */
export interface NotionApiModel {
  version: string;
  dataSources: boolean;
  archivedField: boolean;
}

export function notionApiModel(request: Request): NotionApiModel {
  const version = request.headers.get('notion-version') ?? '';
  return { version, dataSources: version >= '2025-09-03', archivedField: version < '2026-03-11' };
}

/** Every data request must carry a `Notion-Version` header naming a version Notion knows. */
export function checkNotionVersion(ctx: EmulatorContext): Response | null {
  const version = ctx.request.headers.get('notion-version');
  if (version === null) {
    return notionError(
      400,
      'missing_version',
      'Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.',
    );
  }
  if (!(NOTION_VERSIONS as readonly string[]).includes(version)) {
    const known = NOTION_VERSIONS.map((known) => `\`"${known}"\``).join(', ');
    return notionError(
      400,
      'validation_error',
      `Notion-Version header failed validation: Notion-Version header should be one of ${known}, instead was \`${JSON.stringify(version)}\`.`,
    );
  }
  return null;
}
