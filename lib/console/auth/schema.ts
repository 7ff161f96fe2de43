import { z } from 'zod';
import { ROLES } from '../core/roles';
import { MIN_PASSWORD_LENGTH } from './policy';

// Inputs of the sign-in, account and admin routes. A missing or bad field is a 400 naming it (the API adapter
// reports zod's path).

const required = (field: string) => z.string({ message: `${field} is required` }).min(1, `${field} is required`);

const newPassword = (field: string) =>
  z
    .string({ message: `${field} is required` })
    .min(MIN_PASSWORD_LENGTH, `${field} needs at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(1024, `${field} may hold 1,024 characters at most`);

export const LoginBody = z.object({ username: required('username').max(200), password: required('password').max(1024) });

export const PasswordBody = z.object({ current: required('current').max(1024), next: newPassword('next') });

const role = z.enum(ROLES, { message: `role must be one of ${ROLES.join(', ')}` });

export const RoleBindingInput = z.object({ cluster: required('cluster').max(64), role }).strict();

export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
const username = z
  .string({ message: 'username is required' })
  .regex(USERNAME_PATTERN, 'username may hold letters, digits, ".", "_", "@" and "-" (64 at most), starting with a letter or digit');

export const UserCreateBody = z
  .object({
    username,
    displayName: z.string().trim().max(200).optional(),
    password: newPassword('password'),
    bindings: z.array(RoleBindingInput).max(100).default([]),
    /** Whether the user must replace the password at the first sign-in (default: yes, the admin knows it). */
    mustChangePassword: z.boolean({ message: 'mustChangePassword must be true or false' }).default(true),
  })
  .strict();

export const UserPatchBody = z
  .object({
    displayName: z.string().trim().min(1, 'displayName is empty').max(200).optional(),
    bindings: z.array(RoleBindingInput).max(100).optional(),
    disabled: z.boolean({ message: 'disabled must be true or false' }).optional(),
    /** A new password the user must replace at their next sign-in. */
    password: newPassword('password').optional(),
  })
  .strict();

export const TokenCreateBody = z
  .object({
    name: required('name').max(100),
    /** Days until it stops working; omitted or null: no expiry. */
    expiresInDays: z.number({ message: 'expiresInDays must be a number of days' }).int('expiresInDays must be whole days').min(1, 'expiresInDays must be at least 1').max(3650, 'expiresInDays may be 3,650 at most').nullable().optional(),
    /** The highest role the token acts with (its user's roles capped at this); omitted: the user's roles. */
    role: role.optional(),
  })
  .strict();

export type UserCreateInput = z.infer<typeof UserCreateBody>;
export type UserPatchInput = z.infer<typeof UserPatchBody>;
export type TokenCreateInput = z.infer<typeof TokenCreateBody>;
