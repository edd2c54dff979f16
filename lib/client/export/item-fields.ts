import { integrationItemSchema, type IntegrationItem } from '@/lib/contract';

/** Every IntegrationItem field, in contract order: the columns of an export. */
export const ITEM_FIELDS = Object.keys(integrationItemSchema.shape) as ReadonlyArray<keyof IntegrationItem>;
