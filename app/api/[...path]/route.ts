import { handleUnknownApiPath } from '@/lib/handlers/not-found';

export const dynamic = 'force-dynamic';

export const GET = handleUnknownApiPath;
export const HEAD = handleUnknownApiPath;
export const POST = handleUnknownApiPath;
export const PUT = handleUnknownApiPath;
export const PATCH = handleUnknownApiPath;
export const DELETE = handleUnknownApiPath;
export const OPTIONS = handleUnknownApiPath;
