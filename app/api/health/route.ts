import { handleHealth } from '@/lib/handlers/integrations';

export const dynamic = 'force-dynamic';

export function GET() {
  return handleHealth();
}
