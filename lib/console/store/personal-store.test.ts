import { describePersonalStore } from '../../../test-support/store/personal-store.suite';
import { sqliteTempDatabase } from '../../../test-support/databases';

describePersonalStore('sqlite', sqliteTempDatabase);
