import { describeLockStore } from '../../../test-support/store/lock-store.suite';
import { sqliteTempDatabase } from '../../../test-support/databases';

describeLockStore('sqlite', sqliteTempDatabase);
