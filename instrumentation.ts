export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfigurationAtStartup } = await import('@/lib/server/startup');
    checkConfigurationAtStartup();
  }
}
