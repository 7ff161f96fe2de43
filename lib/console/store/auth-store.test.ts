import { describeAuthStore } from '../../../test-support/store/auth-store.suite';
import { sqliteTempDatabase } from '../../../test-support/databases';

describeAuthStore('sqlite', sqliteTempDatabase);
