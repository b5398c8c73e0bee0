// JSON parsing that fails with a position, never with a snippet of the content: engines quote the
// offending text in their messages, and that text may be a patient's name.
import { ImportError } from './errors';

interface JsonFault {
  offset: number;
  reason: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function scanString(s: string, i: number): number | JsonFault {
  // s[i] is the opening quote; returns the index after the closing quote.
  let j = i + 1;
  while (j < s.length) {
    const c = s.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c < 0x20) return { offset: j, reason: 'control character inside a string' };
    if (c === 0x5c) {
      const e = s[j + 1];
      if (e === undefined) break;
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(s.slice(j + 2, j + 6))) return { offset: j, reason: 'bad \\u escape' };
        j += 6;
        continue;
      }
      if (!'"\\/bfnrt'.includes(e)) return { offset: j, reason: 'bad escape in a string' };
      j += 2;
      continue;
    }
    j++;
  }
  return { offset: s.length, reason: 'unexpected end of input inside a string (truncated?)' };
}

type Expect = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'commaOrEnd' | 'eof';

function wanted(expect: Expect, top: '{' | '[' | undefined): string {
  switch (expect) {
    case 'eof':
      return 'end of input';
    case 'colon':
      return "':'";
    case 'commaOrEnd':
      return top === '{' ? "',' or '}'" : "',' or ']'";
    case 'key':
      return 'a property name';
    case 'keyOrEnd':
      return "a property name or '}'";
    case 'value':
      return 'a value';
    case 'valueOrEnd':
      return "a value or ']'";
  }
}

/** The first syntax error in `s`, found without recursion so hostile nesting cannot overflow the stack. */
export function locateJsonFault(s: string): JsonFault | null {
  const stack: Array<'{' | '['> = [];
  let expect: Expect = 'value';
  let i = 0;
  const afterValue = (): Expect => (stack.length === 0 ? 'eof' : 'commaOrEnd');
  const unexpected = (ch: string): JsonFault => ({
    offset: i,
    // Letters and digits are not echoed: they could be part of an identifier.
    reason: `${/[\p{L}\p{N}]/u.test(ch) ? 'unexpected character' : `unexpected '${ch}'`}, expected ${wanted(expect, stack[stack.length - 1])}`,
  });
  for (;;) {
    let c = s.charCodeAt(i);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = s.charCodeAt(++i);
    if (i >= s.length) {
      return expect === 'eof' ? null : { offset: i, reason: 'unexpected end of input (truncated?)' };
    }
    const ch = s[i]!;
    switch (expect) {
      case 'eof':
        return { offset: i, reason: 'unexpected content after the end of the JSON value' };
      case 'colon':
        if (ch !== ':') return unexpected(ch);
        i++;
        expect = 'value';
        continue;
      case 'commaOrEnd': {
        const top = stack[stack.length - 1];
        if (ch === ',') {
          i++;
          expect = top === '{' ? 'key' : 'value';
        } else if ((ch === '}' && top === '{') || (ch === ']' && top === '[')) {
          i++;
          stack.pop();
          expect = afterValue();
        } else return unexpected(ch);
        continue;
      }
      case 'key':
      case 'keyOrEnd':
        if (ch === '}' && expect === 'keyOrEnd') {
          i++;
          stack.pop();
          expect = afterValue();
          continue;
        }
        if (ch !== '"') return unexpected(ch);
        {
          const end = scanString(s, i);
          if (typeof end !== 'number') return end;
          i = end;
        }
        expect = 'colon';
        continue;
      case 'valueOrEnd':
      case 'value': {
        if (expect === 'valueOrEnd' && ch === ']') {
          i++;
          stack.pop();
          expect = afterValue();
          continue;
        }
        if (ch === '{') {
          stack.push('{');
          i++;
          expect = 'keyOrEnd';
          continue;
        }
        if (ch === '[') {
          stack.push('[');
          i++;
          expect = 'valueOrEnd';
          continue;
        }
        if (ch === '"') {
          const end = scanString(s, i);
          if (typeof end !== 'number') return end;
          i = end;
        } else if (s.startsWith('true', i)) i += 4;
        else if (s.startsWith('false', i)) i += 5;
        else if (s.startsWith('null', i)) i += 4;
        else {
          NUMBER.lastIndex = i;
          if (!NUMBER.test(s)) {
            const rest = s.length - i;
            if (rest < 5 && ('true'.startsWith(s.slice(i)) || 'false'.startsWith(s.slice(i)) || 'null'.startsWith(s.slice(i)))) {
              return { offset: s.length, reason: 'unexpected end of input (truncated?)' };
            }
            return unexpected(ch);
          }
          i = NUMBER.lastIndex;
        }
        expect = afterValue();
        continue;
      }
    }
  }
}

function lineAndColumn(s: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = s.indexOf('\n'); at !== -1 && at < offset; at = s.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Parses one JSON document. On failure throws an ImportError naming the file and where the problem is;
 * `firstLine` numbers the lines of an NDJSON record within its file.
 */
export function parseJson(fileName: string, s: string, firstLine = 1): unknown {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    const fault = locateJsonFault(s) ?? { offset: 0, reason: 'invalid JSON' };
    const { line, column } = lineAndColumn(s, fault.offset);
    throw new ImportError(fileName, `line ${firstLine + line - 1}, column ${column}: ${fault.reason}`);
  }
}
