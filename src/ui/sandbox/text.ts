import { addEnglish } from '../../i18n';
import sandboxEn from '../../i18n/en/sandbox.json';

// The sandbox's English strings travel in its chunk (src/i18n/index.ts): in the catalog from here
// on, before the sandbox draws (Sandbox.tsx imports this first).
addEnglish(sandboxEn);
