import 'server-only';
import type { RecordView } from '../common/emulator';
import type { EmulatorState } from '../common/state';
import { notionWorkspace } from './data';
import { nodeFromUrlSegment, notionUrl } from './serialize';

/** `ui/<Slug>-<id>` — a page, database or data source as notion.so would show it. */
export function viewNotionRecord(path: string[], state: EmulatorState): RecordView | null {
  if (path.length < 1 || path.length > 2) return null;
  const data = notionWorkspace(state);
  const node = nodeFromUrlSegment(data, path[path.length - 1]);
  if (!node) return null;
  const parent = node.parent.type === 'workspace' ? null : data.byId.get(node.parent.id);
  const sources = node.kind === 'database' ? (data.sourcesOf.get(node.id) ?? []) : node.kind === 'data_source' ? [node] : [];
  const sourceIds = new Set(sources.map((source) => source.id));
  const rows = data.nodes.filter((n) => n.parent.type === 'data_source_id' && sourceIds.has(n.parent.id));
  return {
    kind: node.kind,
    title: `${node.icon ? `${node.icon} ` : ''}${node.title || 'Untitled'}`,
    fields: [
      ['ID', node.id],
      ['Parent', parent ? `${parent.title || 'Untitled'} (${parent.kind})` : 'Workspace'],
      ['Created', node.createdTime],
      ['Last edited', node.lastEditedTime],
      ['In trash', node.trashed ? 'yes' : 'no'],
      ['Status', node.status],
      ['Data sources', node.kind === 'database' ? sources.map((source) => source.title || 'Untitled').join(', ') : null],
      ['Rows', sources.length ? String(rows.length) : null],
      ['Notion URL', notionUrl(node)],
    ],
  };
}
