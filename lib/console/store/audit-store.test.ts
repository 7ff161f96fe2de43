import { describeAuditStore } from './audit-store.suite';
import { sqliteTempDatabase } from '../../../test-support/databases';

describeAuditStore('sqlite', sqliteTempDatabase);
