import { handleItems } from '@/lib/handlers/items';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ provider: string }> }) {
  return handleItems(request, (await params).provider);
}
