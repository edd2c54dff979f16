import { handleItems } from '@/lib/handlers/items';

export const dynamic = 'force-dynamic';
// A large account streams for minutes; a platform that cuts it earlier leaves the stream without its end line.
export const maxDuration = 300;

export async function GET(request: Request, { params }: { params: Promise<{ provider: string }> }) {
  return handleItems(request, (await params).provider);
}
