// The first paint of a first visit (issue 14): index.html carries the page's header and its
// "start here" text as plain HTML, in the classes the app draws them with, so a slow laptop shows
// them as soon as the HTML and the CSS are in, not after the app's script has run. React replaces
// them with the live page (createRoot empties #root): the text a learner reads does not change,
// and no layout shift is counted (the old nodes go, new ones come). It does move on a narrow
// screen: the header's tools, not drawn here, wrap into rows above it there (≈ 130 px at 412 px).
//
// Only the bare address of a first visit shows the start-here panel (src/store/last-place.ts,
// src/ui/StartHere.tsx). The text is hidden (src/app/styles.css) until a small inline script, run
// before the first paint, shows it for that address only, and puts the Spanish text in for
// `?lang=es`. A lesson's or a scenario's address shows the header alone — a lesson's compact one
// (`is-lesson`, no tagline) for a lesson and step the app opens (lessonSteps) — so a slow laptop
// is not left with a blank page while the app and its machine start (issue 14: 2.5–2.8 s at 4× on
// a lesson's link).
// A link (`#r=`), a presenter, audience or class window and a returning learner's bare address
// show nothing before the app: what the app draws first there is not known here.
// It is allowed by its hash in the shipped policy (scripts/csp.ts); where a host's policy lacks the
// hash, nothing shows before the app, as without this file. No buttons here: nothing drawn before
// the app runs looks pressable; without JavaScript the page says it needs it, as before.
//
// The same script starts the simulator's worker (named by a <meta> written once the bundle is
// known) for every address: it loads while the page's own modules do, and the app takes it
// (src/app/sim-host.ts). A deep link's machine came ≈ 0.2 s sooner (issue 14, measured). With
// `?lang=es` it also asks for the Spanish strings' chunk (named by another <meta>), which the app
// waits for before its first render; on a lesson's address the app opens, for the lesson's text
// and the glossary (English and the page's language, named by a third). The font is preloaded:
// the first paint's text is drawn in it, as the app's is. The stylesheets open the body rather
// than close the head (stylesIntoBody): the browser's first frame need not wait for them.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { LESSON_SLUGS } from '../src/contract/lessons';
import { chunks, modulePreloads, type Bundle } from './module-preloads';

type Table = Readonly<Record<string, string>>;
const read = (file: string): Table =>
  JSON.parse(readFileSync(new URL(`../src/i18n/${file}`, import.meta.url), 'utf8')) as Table;

/** The four strings of the first paint, per language: [app.title, app.tagline, start.title, start.what]. */
function words(lang: 'en' | 'es'): readonly string[] {
  const core = read(`${lang}/core.json`);
  const home = read(`${lang}/home.json`);
  const all = [core['app.title'], core['app.tagline'], home['start.title'], home['start.what']];
  if (all.some((w) => !w)) throw new Error(`first-paint: a ${lang} string is missing`);
  return all as string[];
}

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The header and the start-here text, as MainScreen and StartHere draw them (English). */
function shell(): string {
  const [title, tagline, startTitle, what] = words('en').map(escape);
  return (
    `<header class="top" data-first-paint><div class="brand"><h1 data-fp="0">${title}</h1>` +
    `<p class="tagline" data-fp="1">${tagline}</p></div></header>` +
    `<main class="workspace" data-first-paint><div class="status-row"><section class="start-here">` +
    `<div class="start-text"><h2 data-fp="2">${startTitle}</h2><p data-fp="3">${what}</p>` +
    `</div></section></div></main>`
  );
}

/**
 * Each registered lesson's number of steps, counted from its English text (one `<slug>.s<n>.title`
 * a step): the inline script gives a lesson's compact header only to an address the app opens as
 * a lesson (src/app/lesson-route.ts: a registered slug, and no step or a step 1…n).
 */
export function lessonSteps(): Record<string, number> {
  return Object.fromEntries(
    LESSON_SLUGS.map((slug) => {
      const keys = Object.keys(read(`en/lessons/${slug}.json`));
      return [slug, keys.filter((k) => new RegExp(`^${slug}\\.s\\d+\\.title$`).test(k)).length];
    }),
  );
}

/** The <meta> that names the built simulator worker's script for the inline script. */
export const SIM_WORKER_META = 'mklab-sim-worker';
/** The <meta> that names the Spanish catalog's chunk (src/i18n/es.ts) for the inline script. */
export const SPANISH_META = 'mklab-es';
/**
 * The <meta> that names each lesson's text chunk and the glossary's, per language, for the inline
 * script: `{"en/<slug>": file, "en:glossary": file, …}` (src/i18n/lesson-text-files.ts).
 */
export const LESSON_TEXT_META = 'mklab-lesson-text';

/** Each lesson's and the glossary's text chunk, per language, keyed as the inline script asks. */
function lessonTextFiles(bundle: Bundle, base: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const c of chunks(bundle)) {
    const m = /\/src\/i18n\/(\w+)\/(?:lessons\/([\w-]+)|(glossary))\.json$/.exec(
      c.facadeModuleId ?? '',
    );
    if (m) files[m[2] ? `${m[1]}/${m[2]}` : `${m[1]}:glossary`] = base + c.fileName;
  }
  for (const slug of LESSON_SLUGS) {
    if (!files[`en/${slug}`]) throw new Error(`first-paint: no text chunk for lesson ${slug}`);
  }
  if (!files['en:glossary']) throw new Error('first-paint: no glossary chunk');
  return files;
}

/**
 * Starts the simulator's worker (named by the SIM_WORKER_META <meta>) while the page's own modules
 * still load, for src/app/sim-host.ts to take (`mklabSim`); not with `?mainthread`, as the app.
 * Then shows the first paint only where the app will show the same thing: the header and the
 * start-here text on a first visit's bare address (isBareAddress, lastPlace), the header alone on
 * a lesson's (compact) or a scenario's.
 */
function script(): string {
  const spanish = JSON.stringify(words('es'));
  return (
    `(function(){var d=document,q=new URLSearchParams(location.search),` +
    `w=d.querySelector('meta[name="${SIM_WORKER_META}"]');` +
    `if(w&&!q.has('mainthread')&&typeof Worker==='function')` +
    `try{window.mklabSim=new Worker(w.content,{type:'module',name:'sim'})}catch(e){}` +
    // `?lang=es`: the app waits for the Spanish strings before its first render; fetched now,
    // beside the app's own modules, not once they have run (one more round trip on a slow line).
    `function pre(h){var l=d.createElement('link');l.rel='modulepreload';l.href=h;d.head.appendChild(l)}` +
    `var es=q.get('lang')==='es',c=d.querySelector('meta[name="${SPANISH_META}"]');if(c&&es)pre(c.content);` +
    `var r=d.getElementById('root');if(!r)return;` +
    `if(location.hash||['audience','present','class'].some(function(k){return q.has(k)}))return;` +
    // A lesson or a scenario (as isBareAddress has it): the header alone.
    `var lesson=q.get('lesson'),head=lesson!==null||q.has('scenario')||q.has('step');` +
    // Last: a page's first read of localStorage can hold the thread for tens of milliseconds.
    `if(!head){var kept=null;try{kept=localStorage.getItem('mklab.last')}catch(e){}if(kept)return}` +
    `d.documentElement.classList.add('first-paint');` +
    `if(head){var m=r.querySelector('main[data-first-paint]');if(m)m.remove();` +
    `var t=${JSON.stringify(lessonSteps())},s=q.get('step'),` +
    `n=lesson!==null&&Object.prototype.hasOwnProperty.call(t,lesson)&&t[lesson];` +
    `if(n&&(s===null||(/^\\d{1,3}$/.test(s)&&+s>=1&&+s<=n))){` +
    `r.querySelector('header').classList.add('is-lesson');` +
    // The lesson's text and the glossary, English (the fallback) and the page's language: asked
    // for once the app's modules have run, they were one more round trip before its first picture.
    `var x=d.querySelector('meta[name="${LESSON_TEXT_META}"]'),f={};try{f=JSON.parse(x.content)}catch(e){}` +
    `(es?['en','es']:['en']).forEach(function(g){[g+'/'+lesson,g+':glossary'].forEach(function(k){` +
    `if(Object.prototype.hasOwnProperty.call(f,k))pre(f[k])})})}}` +
    `if(es){var v=${spanish};d.documentElement.lang='es';` +
    `r.querySelectorAll('[data-fp]').forEach(function(e){e.textContent=v[+e.dataset.fp]})}})()`
  );
}

const SCRIPT = script();

/** The inline script's hash, for the policy's script-src. */
export const FIRST_PAINT_HASH = `'sha256-${createHash('sha256').update(SCRIPT).digest('base64')}'`;

/**
 * The stylesheets moved from the head to the start of the body, in their order. Still loaded as
 * soon (the preload scanner sees them), and nothing in #root is drawn before them (the parser
 * waits at a stylesheet in the body); but the browser may draw its first, empty frame meanwhile.
 * In the head they held every frame until they were in, and under Lighthouse's launcher
 * (RenderDocument off) a page whose first frame comes after ≈ 0.22 s has its first paint held to
 * ≈ 1.2 or 2.2 s (issue 14, measured: a bare page busy 150 ms before its first frame is held, the
 * same page with an empty frame first is not; under that launcher `/` was held in 8 of 15 loads,
 * then in none of 15 — and `npm run audit` still sees it now and then: less often, not never).
 */
export function stylesIntoBody(html: string): string {
  const end = html.indexOf('</head>');
  if (end < 0) throw new Error('first-paint: index.html has no </head>');
  const links: string[] = [];
  const head = html.slice(0, end).replace(/\s*<link rel="stylesheet"[^>]*>/g, (link) => {
    links.push(link.trim());
    return '';
  });
  if (links.length === 0) throw new Error('first-paint: index.html has no stylesheet in its head');
  const rest = html.slice(end);
  const body = rest.indexOf('<body>') + '<body>'.length;
  if (body < '<body>'.length) throw new Error('first-paint: index.html has no <body>');
  return `${head}${rest.slice(0, body)}\n    ${links.join('\n    ')}${rest.slice(body)}`;
}

/**
 * Vite plugin (build only): the first paint in index.html's #root, its script after it, and the
 * <meta> naming the simulator's worker script (known once the bundle is written).
 */
export function firstPaint(): Plugin {
  let base = './';
  return {
    name: 'mklab-first-paint',
    apply: 'build',
    configResolved: (config) => {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) => {
        if (!ctx.path.endsWith('/index.html')) return html;
        const root = '<div id="root"></div>';
        if (!html.includes(root)) throw new Error('first-paint: index.html has no empty #root');
        const bundle = ctx.bundle ?? {};
        const worker = Object.keys(bundle).find((f) => /\/sim\.worker-[\w-]+\.js$/.test(f));
        if (!worker) throw new Error('first-paint: the build has no sim.worker script');
        const font = Object.keys(bundle).find((f) =>
          /\/inter-latin-wght-normal-[\w-]+\.woff2$/.test(f),
        );
        if (!font) throw new Error('first-paint: the build has no Inter font file');
        const spanish = chunks(bundle).find((c) => c.facadeModuleId?.endsWith('/src/i18n/es.ts'));
        if (!spanish) throw new Error('first-paint: the build has no Spanish catalog chunk');
        const texts = JSON.stringify(lessonTextFiles(bundle, base));
        // The font with the first paint: its text is drawn in it, not in a fallback that the app's
        // own text then replaces at another size (a later, larger "largest paint", measured).
        const head =
          `<meta name="${SIM_WORKER_META}" content="${escape(base + worker)}" />` +
          `<meta name="${SPANISH_META}" content="${escape(base + spanish.fileName)}" />` +
          `<meta name="${LESSON_TEXT_META}" content="${escape(texts)}" />` +
          `<link rel="preload" as="font" type="font/woff2" crossorigin href="${escape(base + font)}" />`;
        return stylesIntoBody(modulePreloads(html, bundle, base))
          .replace('</title>', `</title>\n    ${head}`)
          .replace(root, `<div id="root">${shell()}</div><script>${SCRIPT}</script>`);
      },
    },
  };
}
