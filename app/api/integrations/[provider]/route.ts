import { handleDisconnect } from '@/lib/handlers/integrations';

export const dynamic = 'force-dynamic';

export async function DELETE(_request: Request, { params }: { params: Promise<{ provider: string }> }) {
  return handleDisconnect((await params).provider);
}
