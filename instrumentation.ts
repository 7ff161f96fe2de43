/** Runs once when a Next.js server process starts: the console (and its background work) never starts from a request. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { theConsole } = await import('./app/_lib/console');
  theConsole();
}
