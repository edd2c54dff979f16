import { handleOpenApi } from '@/lib/handlers/openapi';

export function GET() {
  return handleOpenApi();
}
