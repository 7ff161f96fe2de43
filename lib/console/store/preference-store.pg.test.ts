import { describePreferenceStore } from '../../../test-support/store/preference-store.suite';
import { postgresSchemaDatabase } from '../../../test-support/databases';

// The `pg` vitest project: sandbox/scripts/test.sh starts a throwaway server (sandbox/scripts/postgres.sh) and
// sets DATABASE_URL. Without it this must fail, not pass by skipping.
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set: run `bash sandbox/scripts/postgres.sh start` and pass its URL');

describePreferenceStore('postgres', () => postgresSchemaDatabase(url));
