import { describe, expect, it } from 'vitest';
import { classServerSources, connectSrc, cspString } from '../../../scripts/csp';

// The shipped CSP lets the lab reach its class server: the same origin by default (`npm run
// class` serves both; the e2e class spec runs a session under it with no violation), or the
// origin a build names in VITE_CLASS_SERVER, with its WebSocket scheme.

describe('the CSP and the class server', () => {
  it('allows only the lab itself when no class server is named', () => {
    expect(connectSrc('')).toBe("'self'");
    expect(cspString({ 'connect-src': connectSrc('') })).toContain("connect-src 'self';");
  });

  it('adds a named server origin for its API and its WebSocket, nothing broader', () => {
    expect(connectSrc('https://class.school.example/some/path')).toBe(
      "'self' https://class.school.example wss://class.school.example",
    );
    expect(classServerSources('http://10.0.0.5:4410')).toBe(
      ' http://10.0.0.5:4410 ws://10.0.0.5:4410',
    );
  });

  it('refuses a setting that is not an http(s) URL (the build stops)', () => {
    expect(() => classServerSources('javascript:alert(1)')).toThrow(/http\(s\) URL/);
    expect(() => classServerSources('not a url')).toThrow();
  });
});
