import { describePreferenceStore } from '../../../test-support/store/preference-store.suite';
import { sqliteTempDatabase } from '../../../test-support/databases';

describePreferenceStore('sqlite', sqliteTempDatabase);
