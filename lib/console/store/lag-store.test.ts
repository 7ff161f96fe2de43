import { describeLagStore } from './lag-store.suite';
import { sqliteTempDatabase } from './test-databases';

describeLagStore('sqlite', sqliteTempDatabase);
