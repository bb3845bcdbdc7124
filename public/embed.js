/*
 * Multikernel Lab embed loader (docs/embedding.md). Include it once on a page:
 *
 *   <div data-mklab-lesson="crash-containment" data-step="3"></div>
 *   <script src="https://where-the-lab-is/embed.js" async></script>
 *
 * Each such <div> (or <div data-mklab-scenario="busy">) gets an iframe of embed.html from the same
 * place as this script, sized to its content (`mklab:resize`), titled, and told this page's origin
 * (`origin=`) so this page may drive it with the `mklab:` postMessage protocol. Optional:
 * data-controls="none|minimal|full", data-theme="light|dark|auto", data-lang="en|es",
 * data-autoplay, data-title="…" (the frame's accessible name), data-height="480" (before the
 * first resize). It sets no cookie, stores nothing, and loads nothing but embed.html.
 */
/* global document, window, URL, URLSearchParams */
(function () {
  'use strict';
  var script =
    document.currentScript ||
    document.querySelector('script[src$="embed.js"], script[src*="embed.js?"]');
  if (!script || !script.src) return;
  var base = new URL('embed.html', script.src);
  var labOrigin = base.origin;
  var MIN_HEIGHT = 120;
  var MAX_HEIGHT = 4000;
  var frames = [];

  function attr(el, name) {
    var v = el.getAttribute(name);
    return v === null ? null : v.trim();
  }

  function frameFor(el) {
    var lesson = attr(el, 'data-mklab-lesson');
    var scenario = attr(el, 'data-mklab-scenario');
    var q = new URLSearchParams();
    if (lesson) {
      q.set('lesson', lesson);
      var step = attr(el, 'data-step');
      if (step) q.set('step', step);
    } else if (scenario) {
      q.set('scenario', scenario);
    } else {
      return null;
    }
    ['controls', 'theme', 'lang', 'seed'].forEach(function (name) {
      var v = attr(el, 'data-' + name);
      if (v) q.set(name, v);
    });
    if (el.hasAttribute('data-autoplay') && attr(el, 'data-autoplay') !== 'false') {
      q.set('autoplay', '1');
    }
    // This page's origin: the embed takes commands from it and sends its events to it.
    // A page without one (a file:// page) gets a read-only embed.
    var origin = window.location.origin;
    if (origin && origin !== 'null') q.set('origin', origin);
    var iframe = document.createElement('iframe');
    iframe.src = base.href + '?' + q.toString();
    iframe.title =
      attr(el, 'data-title') ||
      (lesson
        ? 'Multikernel Lab lesson: ' +
          lesson +
          (attr(el, 'data-step') ? ', step ' + attr(el, 'data-step') : '')
        : 'Multikernel Lab machine: ' + scenario);
    iframe.setAttribute(
      'sandbox',
      'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox',
    );
    iframe.setAttribute('referrerpolicy', 'no-referrer');
    iframe.setAttribute('loading', 'lazy');
    iframe.setAttribute('data-mklab-frame', '');
    var height = Number(attr(el, 'data-height')) || 480;
    iframe.style.cssText = 'display:block;width:100%;border:0;height:' + height + 'px';
    return iframe;
  }

  function mount(root) {
    var found = (root || document).querySelectorAll('[data-mklab-lesson], [data-mklab-scenario]');
    for (var i = 0; i < found.length; i++) {
      var el = found[i];
      if (el.querySelector('iframe[data-mklab-frame]')) continue;
      var iframe = frameFor(el);
      if (!iframe) continue;
      el.appendChild(iframe);
      frames.push(iframe);
    }
  }

  // Auto-height: a frame of ours, from the lab's origin, saying only its height.
  window.addEventListener('message', function (e) {
    var d = e.data;
    if (e.origin !== labOrigin || !d || d.type !== 'mklab:resize' || d.v !== 1) return;
    if (typeof d.height !== 'number' || !isFinite(d.height)) return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source) {
        var h = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, d.height)));
        frames[i].style.height = h + 'px';
      }
    }
  });

  window.MultikernelLab = { mount: mount, origin: labOrigin };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () {
      mount();
    });
  } else {
    mount();
  }
})();
