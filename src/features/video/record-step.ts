import {
  BufferTarget,
  EncodedPacket,
  EncodedVideoPacketSource,
  Output,
  WebMOutputFormat,
} from 'mediabunny';
import type { Frame, LessonSlug } from '../../contract';
import { translate, type Lang } from '../../i18n';
import { describeHappening } from '../../ui/happenings';
import { slideCanvas } from '../presenter/export-view';
import { slideCaption } from '../presenter/slide-caption';
import { openSideMachine } from '../stills/side-machine';
import { stillOf } from '../stills/still-picture';
import {
  captionLine,
  KEY_EVERY,
  nsPerFrame,
  pixelHash,
  VIDEO_FPS,
  VIDEO_H,
  VIDEO_W,
  videoDone,
} from './video-plan';
import '../stills/slides-text';

export interface VideoProgress {
  readonly frames: number;
  readonly simNs: number;
}

export interface StepVideo {
  readonly blob: Blob;
  readonly frames: number;
  /** Each frame's pixels (before encoding), SHA-256: the same seed gives the same list. */
  readonly hashes: readonly string[];
  /** Each frame's happening line in the caption ('' for none). */
  readonly notes: readonly string[];
}

/** Why this browser cannot make a video (a message key), or null when it can. */
export async function videoUnsupported(): Promise<'video.noWebCodecs' | 'video.noVp8' | null> {
  if (typeof VideoEncoder === 'undefined' || typeof VideoFrame === 'undefined')
    return 'video.noWebCodecs';
  const { supported } = await VideoEncoder.isConfigSupported(encoderConfig());
  return supported ? null : 'video.noVp8';
}

function encoderConfig(): VideoEncoderConfig {
  return {
    codec: 'vp8',
    width: VIDEO_W,
    height: VIDEO_H,
    bitrate: 3_000_000,
    framerate: VIDEO_FPS,
  };
}

const allMet = (f: Frame) =>
  (f.lesson?.met.length ?? 0) > 0 && (f.lesson?.met.every(Boolean) ?? false);

/**
 * A lesson step as a WebM video, from where the step begins to its check (and a second more):
 * on a machine of its own, "show me" plays the step while the clock moves a fixed amount of
 * simulated time per frame, and each frame is the machine drawn anew (not the screen recorded),
 * with the step's happenings in the caption. Encoded with WebCodecs (VP8) and muxed by
 * Mediabunny. `signal` cancels it.
 */
export async function recordStepVideo(opts: {
  readonly lang: Lang;
  readonly slug: LessonSlug;
  readonly seed: number;
  readonly step: number;
  readonly speedNsPerSecond: number;
  readonly signal: AbortSignal;
  readonly onProgress: (p: VideoProgress) => void;
}): Promise<StepVideo> {
  const { lang, slug, signal } = opts;
  const why = await videoUnsupported();
  if (why) throw new Error(translate(lang, why));
  const output = new Output({ format: new WebMOutputFormat(), target: new BufferTarget() });
  const source = new EncodedVideoPacketSource('vp8');
  output.addVideoTrack(source, { frameRate: VIDEO_FPS });
  await output.start();
  let muxing: Promise<void> = Promise.resolve();
  let failed: unknown = null;
  const encoder = new VideoEncoder({
    output: (chunk, meta) => {
      muxing = muxing.then(() => source.add(EncodedPacket.fromEncodedChunk(chunk), meta));
    },
    error: (e) => {
      failed = e;
    },
  });
  encoder.configure(encoderConfig());
  const side = openSideMachine();
  const slide = document.createElement('canvas');
  const frameCanvas = document.createElement('canvas');
  frameCanvas.width = VIDEO_W;
  frameCanvas.height = VIDEO_H;
  const ctx = frameCanvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D canvas');
  const hashes: string[] = [];
  const notes: string[] = [];
  const dt = nsPerFrame(opts.speedNsPerSecond);
  try {
    let frame = await side.atStep(slug, opts.seed, opts.step);
    const startNs = frame.t;
    frame = await side.showMe();
    let line = { text: '', since: 0 };
    let checkedAt: number | null = null;
    for (let i = 0; ; i++) {
      if (signal.aborted) throw new DOMException('cancelled', 'AbortError');
      if (failed) throw failed instanceof Error ? failed : new Error(String(failed));
      const view = frame.view;
      const fresh = frame.happenings.map((h) =>
        describeHappening((k, p) => translate(lang, k, p), h, view),
      );
      line = captionLine(line, fresh, i);
      notes.push(line.text);
      const caption = { ...slideCaption(lang, frame.lesson, frame.t), note: line.text };
      const still = await stillOf(lang, view, frame.twin, frame.t, caption);
      await slideCanvas({ ...still, boxes: [] }, [], slide);
      ctx.drawImage(slide, 0, 0, VIDEO_W, VIDEO_H);
      hashes.push(await pixelHash(ctx.getImageData(0, 0, VIDEO_W, VIDEO_H).data));
      const micros = Math.round((i * 1e6) / VIDEO_FPS);
      const vf = new VideoFrame(frameCanvas, {
        timestamp: micros,
        duration: Math.round(1e6 / VIDEO_FPS),
      });
      encoder.encode(vf, { keyFrame: i % KEY_EVERY === 0 });
      vf.close();
      opts.onProgress({ frames: i + 1, simNs: frame.t - startNs });
      if (checkedAt === null && allMet(frame)) checkedAt = i;
      if (videoDone(i, checkedAt)) break;
      frame = await side.advance(dt);
    }
    await encoder.flush();
    await muxing;
    await output.finalize();
    const bytes = output.target.buffer;
    if (!bytes) throw new Error('the video is empty');
    return {
      blob: new Blob([bytes], { type: 'video/webm' }),
      frames: hashes.length,
      hashes,
      notes,
    };
  } finally {
    side.close();
    if (encoder.state !== 'closed') encoder.close();
    if (output.state !== 'finalized') void output.cancel().catch(() => undefined);
  }
}
