import { handleAuthorize } from '@/lib/handlers/integrations';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ provider: string }> }) {
  return handleAuthorize(request, (await params).provider);
}
