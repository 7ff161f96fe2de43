/** Runs once when a Next.js server process starts: background work never starts from a request. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.CONSOLE_BACKGROUND === 'off') return;
  const { startBackgroundWork } = await import('./lib/console/groups/queries');
  startBackgroundWork();
}
