'use client';

import * as React from 'react';
import type { IntegrationItem } from '@/lib/contract';
import { copyText } from '@/lib/client/clipboard';
import type { ExportFormat } from '@/lib/client/export/download';
import { exportItems } from '@/lib/client/export/export-items';
import { itemAsJson } from '@/lib/client/export/json';
import { toApiError } from '@/lib/client/errors';
import { formatItemCount } from '@/lib/client/format';
import type { Notify } from './notice';

/** Copy one record as JSON, export the rows shown; each says how it went in the notice. */
export function useRecordActions(notify: Notify, scopeName: string) {
  const copy = React.useCallback(
    (item: IntegrationItem) =>
      void copyText(itemAsJson(item)).then((copied) =>
        notify(
          copied
            ? { severity: 'success', message: 'Copied the record as JSON' }
            : { severity: 'error', message: 'The browser did not allow copying. Open the details and select the text instead.' },
        ),
      ),
    [notify],
  );
  const exportRows = React.useCallback(
    async (rows: IntegrationItem[], format: ExportFormat) => {
      try {
        const { fileName } = await exportItems(rows, format, scopeName);
        notify({ severity: 'success', message: `Exported ${formatItemCount(rows.length)} to ${fileName}` });
      } catch (error) {
        notify({ severity: 'error', message: `The export failed: ${toApiError(error).message}` });
      }
    },
    [notify, scopeName],
  );
  return { copy, exportRows };
}
