/**
 * The shell's syntax: words (with '…', "…" and \ quoting), pipes (`a | b`), one output
 * redirection at the end (`> path`, `>> path`) and `#` comments. Nothing else of bash is needed
 * by the commands (issue 4 §1): `;`, `&&`, `&`, `<`, `$(…)` and backquotes are refused.
 */
export interface Parsed {
  readonly stages: readonly (readonly string[])[];
  readonly redirect: { readonly path: string; readonly append: boolean } | null;
}

export type LexError =
  | { readonly kind: 'syntax'; readonly near: string }
  | { readonly kind: 'eof'; readonly quote: string }
  | { readonly kind: 'unsupported'; readonly what: string };

type Tok = { readonly op: string } | { readonly word: string };

function tokens(line: string): Tok[] | LexError {
  const out: Tok[] = [];
  let i = 0;
  let word: string | null = null;
  const flush = () => {
    if (word !== null) out.push({ word });
    word = null;
  };
  while (i < line.length) {
    const c = line[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      flush();
      i++;
      continue;
    }
    if (c === '#' && word === null) break;
    if (c === "'" || c === '"') {
      const end = findClose(line, i + 1, c);
      if (end < 0) return { kind: 'eof', quote: c };
      const body = line.slice(i + 1, end);
      word = (word ?? '') + (c === '"' ? body.replace(/\\(["\\$`])/g, '$1') : body);
      i = end + 1;
      continue;
    }
    if (c === '\\') {
      word = (word ?? '') + (line[i + 1] ?? '');
      i += 2;
      continue;
    }
    if (c === '|' || c === '>' || c === '<' || c === ';' || c === '&') {
      flush();
      const two = line.slice(i, i + 2);
      if (two === '>>' || two === '||' || two === '&&') {
        out.push({ op: two });
        i += 2;
      } else {
        out.push({ op: c });
        i++;
      }
      continue;
    }
    if (c === '`' || (c === '$' && line[i + 1] === '(')) return { kind: 'unsupported', what: c };
    word = (word ?? '') + c;
    i++;
  }
  flush();
  return out;
}

function findClose(line: string, from: number, q: string): number {
  for (let j = from; j < line.length; j++) {
    if (q === '"' && line[j] === '\\') {
      j++;
      continue;
    }
    if (line[j] === q) return j;
  }
  return -1;
}

export function parseLine(line: string): Parsed | LexError {
  const toks = tokens(line);
  if ('kind' in toks) return toks;
  const stages: string[][] = [[]];
  let redirect: Parsed['redirect'] = null;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Tok;
    const cur = stages[stages.length - 1] as string[];
    if ('word' in t) {
      // As in bash, a redirection may sit anywhere in the command: later words are arguments.
      cur.push(t.word);
      continue;
    }
    if (t.op === '|') {
      if (cur.length === 0 || redirect) return { kind: 'syntax', near: '|' };
      stages.push([]);
      continue;
    }
    if (t.op === '>' || t.op === '>>') {
      const next = toks[i + 1];
      if (!next || !('word' in next)) {
        return { kind: 'syntax', near: next && 'op' in next ? next.op : 'newline' };
      }
      if (redirect) return { kind: 'unsupported', what: t.op };
      redirect = { path: next.word, append: t.op === '>>' };
      i++;
      continue;
    }
    return { kind: 'unsupported', what: t.op };
  }
  const last = stages[stages.length - 1] as string[];
  if (last.length === 0 && stages.length > 1) return { kind: 'syntax', near: 'newline' };
  if (last.length === 0 && redirect) return { kind: 'syntax', near: 'newline' };
  return { stages, redirect };
}
