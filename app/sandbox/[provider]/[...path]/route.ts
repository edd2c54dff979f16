import { handleSandboxRequest } from '@/lib/sandbox';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ provider: string; path: string[] }> };

async function handle(request: Request, { params }: Context): Promise<Response> {
  const { provider, path } = await params;
  return handleSandboxRequest(provider, path, request);
}

export const GET = handle;
export const POST = handle;
export const DELETE = handle;
export const PATCH = handle;
