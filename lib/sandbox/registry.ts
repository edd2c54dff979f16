import 'server-only';
import type { EmulatorDefinition } from './common/emulator';
import { airtableEmulator } from './airtable';
import { hubspotEmulator } from './hubspot';

/** Every built-in emulator, by provider id. */
export const emulatorRegistry: ReadonlyMap<string, EmulatorDefinition> = new Map(
  [hubspotEmulator, airtableEmulator].map((emulator) => [emulator.id, emulator]),
);
