import { describe, expect, it } from 'vitest';
import { replayInvoker } from '../../../test-support/fixtures';
import { RemotingResponseError } from '../../remoting';
import { authCreateUser, authCreateUserRequest } from '.';
import { authUpdateUser, authUpdateUserRequest } from '../auth-update-user';
import { authDeleteUser } from '../auth-delete-user';

describe('AUTH_CREATE_USER / AUTH_UPDATE_USER / AUTH_DELETE_USER on 5.5.0', () => {
  it('sends the user as its JSON body, the name also in the header', () => {
    const request = authCreateUserRequest({ username: 'alice', password: 'pw', userType: 'Normal' });
    expect(request).toMatchObject({ code: 3001, extFields: { username: 'alice' } });
    expect(JSON.parse(request.body!.toString())).toEqual({ username: 'alice', password: 'pw', userType: 'Normal' });
    // an update carries only what changes
    expect(JSON.parse(authUpdateUserRequest({ username: 'alice', userStatus: 'disable' }).body!.toString())).toEqual({ username: 'alice', userStatus: 'disable' });
  });

  it('accepts the broker\'s success answers', async () => {
    await expect(authCreateUser(replayInvoker('5.5.0', ['auth-create-user', 'normal']).invoker, 'b:1', { username: 'fixture_user', password: 'x', userType: 'Normal' })).resolves.toBeUndefined();
    await expect(authUpdateUser(replayInvoker('5.5.0', ['auth-update-user', 'disable']).invoker, 'b:1', { username: 'fixture_user', userStatus: 'disable' })).resolves.toBeUndefined();
    await expect(authDeleteUser(replayInvoker('5.5.0', ['auth-delete-user', 'fixture']).invoker, 'b:1', 'fixture_user')).resolves.toBeUndefined();
  });

  it('a user that exists is refused with code 16 and the broker\'s words', async () => {
    const refused = authCreateUser(replayInvoker('5.5.0', ['auth-create-user', 'exists']).invoker, 'b:1', { username: 'fixture_user', password: 'x', userType: 'Normal' });
    await expect(refused).rejects.toBeInstanceOf(RemotingResponseError);
    await expect(refused).rejects.toMatchObject({ code: 16, remark: 'The user is existed' });
  });
});
