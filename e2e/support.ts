import path from 'node:path';
import { expect, type Page } from '@playwright/test';

/** The first admin's signed-in browser state (e2e/sign-in.setup.ts writes it; the specs start from it). */
export const ADMIN_STATE = path.resolve(import.meta.dirname, '../test-results/e2e-admin-state.json');

/** Opens a page and waits until React has hydrated it, so typing and clicking reach the app. */
export async function open(page: Page, url: string) {
  const response = await page.goto(url);
  await expect(page.locator('html[data-hydrated="true"]')).toHaveCount(1);
  // Suspense boundaries hydrate after the shell: wait for theirs too
  await expect(page.locator('[data-hydration="pending"]')).toHaveCount(0);
  return response;
}
