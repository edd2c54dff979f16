import 'server-only';
import type { EmulatorDefinition } from './common/emulator';
import { hubspotEmulator } from './hubspot';

/** Every built-in emulator, by provider id. */
export const emulatorRegistry: ReadonlyMap<string, EmulatorDefinition> = new Map(
  [hubspotEmulator].map((emulator) => [emulator.id, emulator]),
);
