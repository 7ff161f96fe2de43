import { describeRebalanceStore } from '../../../test-support/store/rebalance-store.suite';
import { sqliteTempDatabase } from '../../../test-support/databases';

describeRebalanceStore('sqlite', sqliteTempDatabase);
