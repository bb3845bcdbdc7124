import * as z from 'zod/mini';

// Every validator takes zod from here, so this runs before any of them parses. A strict
// Content-Security-Policy has no 'unsafe-eval': zod must not probe `new Function`, which the
// browser reports as a violation even though zod catches the throw.
z.config({ jitless: true });

export { z };
