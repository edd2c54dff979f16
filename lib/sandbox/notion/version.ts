import 'server-only';
import type { EmulatorContext } from '../common/emulator';
import { notionError } from './errors';

/** The version the emulator's shapes follow; other dated versions are accepted and answered the same way. */
export const PINNED_NOTION_VERSION = '2022-06-28';

/** Every data request must carry a `Notion-Version` header. */
export function checkNotionVersion(ctx: EmulatorContext): Response | null {
  const version = ctx.request.headers.get('notion-version');
  if (version === null) {
    return notionError(
      400,
      'missing_version',
      'Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.',
    );
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(version)) {
    return notionError(
      400,
      'validation_error',
      `Notion-Version header failed validation: Notion-Version header should be a valid date, instead was \`${version}\`.`,
    );
  }
  return null;
}
