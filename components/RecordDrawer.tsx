'use client';

import * as React from 'react';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CloseRoundedIcon from '@mui/icons-material/CloseRounded';
import ContentCopyRoundedIcon from '@mui/icons-material/ContentCopyRounded';
import OpenInNewRoundedIcon from '@mui/icons-material/OpenInNewRounded';
import type { IntegrationItem } from '@/lib/contract';
import { ITEM_FIELDS } from '@/lib/client/export/item-fields';
import { extraFields } from '@/lib/client/field-display';
import type { ParentLink } from '@/lib/client/item-index';
import { safeLinkHref } from '@/lib/client/links';
import ParentChain from './ParentChain';
import ProviderBadge from './ProviderBadge';
import RecordFields from './RecordFields';

export interface RecordDrawerProps {
  item: IntegrationItem | null;
  providerName: string;
  chain: ParentLink[];
  onClose: () => void;
  onOpen: (rowId: string) => void;
  onCopy: (item: IntegrationItem) => void;
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack component="section" spacing={1} aria-label={title}>
      <Typography variant="overline" component="h3" color="text.secondary">
        {title}
      </Typography>
      {children}
    </Stack>
  );
}

/** The side panel with everything known about one record. Escape or the close button shuts it. */
export default function RecordDrawer({ item, providerName, chain, onClose, onOpen, onCopy }: RecordDrawerProps) {
  const href = item ? safeLinkHref(item.url, typeof window === 'undefined' ? null : window.location.origin) : null;
  const extras = item ? extraFields(item) : [];
  return (
    <Drawer
      anchor="right"
      open={item !== null}
      onClose={onClose}
      slotProps={{
        paper: {
          sx: { width: { xs: '100%', sm: 480 }, p: 3 },
          role: 'dialog',
          'aria-modal': true,
          'aria-labelledby': 'record-title',
          'data-testid': 'record-drawer',
        } as React.HTMLAttributes<HTMLDivElement>,
      }}
    >
      {item ? (
        <Stack spacing={2.5}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', justifyContent: 'space-between' }}>
            <Stack spacing={1} sx={{ minWidth: 0 }}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <ProviderBadge provider={item.provider} name={providerName} />
                <Chip size="small" variant="outlined" label={item.type} />
                {item.visibility ? null : <Chip size="small" label="Archived" />}
              </Stack>
              <Typography id="record-title" variant="h2" sx={{ overflowWrap: 'anywhere' }}>
                {item.name}
              </Typography>
            </Stack>
            <IconButton onClick={onClose} aria-label="Close details" data-testid="record-close">
              <CloseRoundedIcon />
            </IconButton>
          </Stack>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {href ? (
              <Button
                variant="contained"
                size="small"
                href={href}
                target="_blank"
                rel="noopener noreferrer"
                endIcon={<OpenInNewRoundedIcon fontSize="small" />}
                data-testid="record-deep-link"
              >
                Open in {providerName}
              </Button>
            ) : null}
            <Button
              variant="outlined"
              size="small"
              color="inherit"
              startIcon={<ContentCopyRoundedIcon fontSize="small" />}
              onClick={() => onCopy(item)}
              data-testid="record-copy-json"
              sx={{ borderColor: 'divider' }}
            >
              Copy as JSON
            </Button>
          </Stack>
          <Section title="Parents">
            <ParentChain chain={chain} onOpen={onOpen} />
          </Section>
          <Divider />
          <Section title="Fields">
            <RecordFields testId="record-fields" fields={ITEM_FIELDS.map((name) => ({ name, value: item[name] }))} />
          </Section>
          {extras.length > 0 ? (
            <Section title="Loaded properties">
              <RecordFields testId="record-properties" fields={extras} />
            </Section>
          ) : null}
        </Stack>
      ) : null}
    </Drawer>
  );
}
