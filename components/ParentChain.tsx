import Breadcrumbs from '@mui/material/Breadcrumbs';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { itemKey } from '@/lib/contract';
import type { ParentLink } from '@/lib/client/item-index';

/** A record's parents, outermost first; a loaded parent opens its own details. */
export default function ParentChain({ chain, onOpen }: { chain: ParentLink[]; onOpen: (rowId: string) => void }) {
  if (chain.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No parent: this is a top-level record.
      </Typography>
    );
  }
  return (
    <Breadcrumbs aria-label="Parent chain" maxItems={8} data-testid="parent-chain" sx={{ fontSize: '0.875rem' }}>
      {[...chain].reverse().map((link, index) =>
        'item' in link ? (
          <Link
            key={itemKey(link.item)}
            component="button"
            type="button"
            underline="hover"
            onClick={() => onOpen(itemKey(link.item))}
            sx={{ fontSize: 'inherit', textAlign: 'left' }}
          >
            {link.item.name}
          </Link>
        ) : (
          <Typography key={`name-${index}`} component="span" variant="body2" color="text.primary">
            {link.name}
          </Typography>
        ),
      )}
    </Breadcrumbs>
  );
}
