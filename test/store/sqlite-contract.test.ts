import { join } from 'node:path';
import { openStore } from '../../src/store/index.js';
import { storeContract } from './contract.js';

storeContract(
  'SQLite',
  (dir) => openStore(join(dir, 'contract.db')),
  (path) => openStore(path),
);
