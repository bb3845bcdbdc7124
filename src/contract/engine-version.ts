/**
 * The sim's engine version: in every replay link, so an old link can say why it differs. Bump it
 * when the same start spec, seed and log no longer give the same machine (the golden hashes move).
 */
export const ENGINE_VERSION = 1;
