import { describeAlertStore } from '../../../test-support/store/alert-store.suite';
import { sqliteTempDatabase } from '../../../test-support/databases';

describeAlertStore('sqlite', sqliteTempDatabase);
