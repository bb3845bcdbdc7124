// @lint-as: src/worker/__fixture__.ts
// @expect: @typescript-eslint/no-restricted-imports
import { useState } from 'react';

export const u = useState;
