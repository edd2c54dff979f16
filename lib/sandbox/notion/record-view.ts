import 'server-only';
import type { RecordView } from '../common/emulator';
import type { EmulatorState } from '../common/state';
import { notionWorkspace } from './data';
import { nodeFromUrlSegment, notionUrl } from './serialize';

/** `ui/<Slug>-<id>` — a page or database as notion.so would show it. */
export function viewNotionRecord(path: string[], state: EmulatorState): RecordView | null {
  if (path.length < 1 || path.length > 2) return null;
  const data = notionWorkspace(state);
  const node = nodeFromUrlSegment(data, path[path.length - 1]);
  if (!node) return null;
  const parent = node.parent.type === 'workspace' ? null : data.byId.get(node.parent.id);
  const rows = node.kind === 'database' ? data.nodes.filter((n) => n.parent.type === 'database_id' && n.parent.id === node.id) : [];
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
      ['Rows', node.kind === 'database' ? String(rows.length) : null],
      ['Notion URL', notionUrl(node)],
    ],
  };
}
