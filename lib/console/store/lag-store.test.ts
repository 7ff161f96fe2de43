import { describeLagStore } from '../../../test-support/store/lag-store.suite';
import { sqliteTempDatabase } from '../../../test-support/databases';

describeLagStore('sqlite', sqliteTempDatabase);
