import { describeAuditStore } from './audit-store.suite';
import { sqliteTempDatabase } from './test-databases';

describeAuditStore('sqlite', sqliteTempDatabase);
