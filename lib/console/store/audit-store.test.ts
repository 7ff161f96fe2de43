import { describeAuditStore } from '../../../test-support/store/audit-store.suite';
import { sqliteTempDatabase } from '../../../test-support/databases';

describeAuditStore('sqlite', sqliteTempDatabase);
