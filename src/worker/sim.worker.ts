import { expose } from 'comlink';
import { createSimApi } from './api';

expose(createSimApi());
