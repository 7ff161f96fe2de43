import { expect, test as setup } from '@playwright/test';
import { ADMIN_STATE } from './support';

// Signs the first admin in once, through the API as a script would; the other specs reuse the session cookie.
setup('sign in as the first admin', async ({ request, baseURL }) => {
  const login = await request.post('/api/auth/login', { data: { username: 'admin', password: process.env.E2E_ADMIN_PASSWORD }, headers: { origin: baseURL! } });
  expect(login.status(), await login.text()).toBe(200);
  const session = await request.get('/api/session');
  expect(await session.json()).toMatchObject({ user: 'admin', authEnabled: true, mustChangePassword: false });
  await request.storageState({ path: ADMIN_STATE });
});
