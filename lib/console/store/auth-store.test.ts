import { describeAuthStore } from './auth-store.suite';
import { sqliteTempDatabase } from '../../../test-support/databases';

describeAuthStore('sqlite', sqliteTempDatabase);
