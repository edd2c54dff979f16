import 'server-only';
import type { RecordView } from '../common/emulator';
import type { EmulatorState } from '../common/state';
import { findBase } from './data';

/** `ui/{baseId}[/{tableId}[/{viewId}]]` — Airtable's base and table pages. */
export function viewAirtableRecord(path: string[], state: EmulatorState): RecordView | null {
  const [baseId, tableId] = path;
  if (path.length < 1 || path.length > 3) return null;
  const base = findBase(state, baseId);
  if (!base) return null;
  if (!tableId) {
    return {
      kind: 'base',
      title: base.name,
      fields: [
        ['Base ID', base.id],
        ['Permission level', base.permissionLevel],
        ['Tables', base.tables.map((table) => table.name).join(', ')],
      ],
    };
  }
  const table = base.tables.find((candidate) => candidate.id === tableId);
  if (!table) return null;
  return {
    kind: 'table',
    title: table.name,
    fields: [
      ['Table ID', table.id],
      ['Base', `${base.name} (${base.id})`],
      ['Description', table.description ?? null],
      ...table.fields.map((field): [string, string] => [`Field: ${field.name}`, field.type]),
      ['Views', table.views.map((view) => `${view.name} (${view.type})`).join(', ')],
    ],
  };
}
