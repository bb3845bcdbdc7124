/**
 * The pure half of a step's video: how much simulated time each frame covers, when the video
 * ends, and which happening the caption shows on each frame. The DOM and codec half is
 * record-step.ts.
 */

/** Frames per second of the file. Low: each frame is the whole machine drawn anew. */
export const VIDEO_FPS = 15;
/** The file's size: 720p (the slide is drawn at 1920×1080 and scaled). */
export const VIDEO_W = 1280;
export const VIDEO_H = 720;
/** A frame every this many frames is a key frame (seeking in a player). */
export const KEY_EVERY = 2 * VIDEO_FPS;
/** After the step's check passes, the video holds this long, so the result can be seen. */
export const TAIL_FRAMES = 1 * VIDEO_FPS;
/** Longest video: a step whose check never passes still ends (20 s). */
export const MAX_FRAMES = 20 * VIDEO_FPS;
/** A happening stays in the caption this many frames (unless a newer one comes). */
export const CAPTION_FRAMES = 2 * VIDEO_FPS;

/**
 * Simulated ns per frame: the page's speed (simulated ns per wall second) spread over a second
 * of video, so the video plays the step as the class sees it play. Whole ns: the same every run.
 */
export function nsPerFrame(speedNsPerSecond: number): number {
  return Math.max(1, Math.round(speedNsPerSecond / VIDEO_FPS));
}

/** Whether the video ends after frame `index` (0-based), `checkedAt` the first frame all held. */
export function videoDone(index: number, checkedAt: number | null): boolean {
  if (index + 1 >= MAX_FRAMES) return true;
  return checkedAt !== null && index >= checkedAt + TAIL_FRAMES;
}

/**
 * The caption's happening line: the newest happening described (`fresh`, this frame's, newest
 * last) for CAPTION_FRAMES frames, then nothing until the next.
 */
export function captionLine(
  was: { readonly text: string; readonly since: number },
  fresh: readonly string[],
  index: number,
): { readonly text: string; readonly since: number } {
  const newest = fresh[fresh.length - 1];
  if (newest !== undefined) return { text: newest, since: index };
  if (was.text && index - was.since >= CAPTION_FRAMES) return { text: '', since: index };
  return was;
}

/** A frame's pixels as hex SHA-256: two runs with the same seed give the same list. */
export async function pixelHash(pixels: Uint8ClampedArray<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength),
  );
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
