import { describeAlertStore } from '../../../test-support/store/alert-store.suite';
import { postgresSchemaDatabase } from '../../../test-support/databases';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set: run `bash sandbox/scripts/postgres.sh start` and pass its URL');

describeAlertStore('postgres', () => postgresSchemaDatabase(url));
