/**
 * The sim's engine version: in every replay link, so an old link can say why it differs. Bump it
 * when the same start spec, seed and log no longer give the same machine (the golden hashes move).
 * Its own tiny module so the page can read it without pulling the simulator into its bundle.
 */
export const ENGINE_VERSION = 1;
