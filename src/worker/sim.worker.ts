import { expose } from 'comlink';
import { createSimApi } from './api';

export type { SimApi, StartSpec } from './api';
expose(createSimApi());
