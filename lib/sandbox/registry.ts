import 'server-only';
import type { EmulatorDefinition } from './common/emulator';
import { airtableEmulator } from './airtable';
import { hubspotEmulator } from './hubspot';
import { notionEmulator } from './notion';

/** Every built-in emulator, by provider id. */
export const emulatorRegistry: ReadonlyMap<string, EmulatorDefinition> = new Map(
  [hubspotEmulator, airtableEmulator, notionEmulator].map((emulator) => [emulator.id, emulator]),
);
