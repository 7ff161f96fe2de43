/** Runs once when a Next.js server process starts, before it serves: the console (and its background work) never starts from a request. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { buildConsole } = await import('./app/_lib/build-console');
  buildConsole();
}
