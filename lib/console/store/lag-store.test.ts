import { describeLagStore } from './lag-store.suite';
import { sqliteTempDatabase } from '../../../test-support/databases';

describeLagStore('sqlite', sqliteTempDatabase);
