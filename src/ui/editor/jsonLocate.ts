/** A place in a text, 1-based, as editors count. */
export interface TextPlace {
  offset: number;
  line: number;
  column: number;
}

export type PathPart = string | number;

/**
 * Reads a validator path (`$.events[2].node`, `$.init["3"].up`, `$`) into its parts. Returns
 * null for text that is not such a path (the codec's `link`, say).
 */
export function parseJsonPath(path: string): PathPart[] | null {
  if (!path.startsWith('$')) return null;
  const parts: PathPart[] = [];
  const token = /\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  token.lastIndex = 1;
  while (token.lastIndex < path.length) {
    const m = token.exec(path);
    if (!m) return null;
    if (m[1] !== undefined) parts.push(m[1]);
    else if (m[2] !== undefined) parts.push(Number(m[2]));
    else parts.push(JSON.parse(m[3]) as string);
  }
  return parts;
}

export function placeAt(text: string, offset: number): TextPlace {
  const clamped = Math.max(0, Math.min(text.length, offset));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < clamped; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset: clamped, line, column: clamped - lineStart + 1 };
}

/**
 * Where a JSON path is in JSON text: an object member's key (the line that reads `"node": 9`),
 * an array element's value. A path that is not there (a missing field) lands on the deepest part
 * that is — the object that lacks it. Null when the text is not JSON this scanner can walk.
 */
export function locateJsonPath(text: string, path: readonly PathPart[]): TextPlace | null {
  const scanner = new Scanner(text);
  try {
    scanner.skipSpace();
    const offset = scanner.find(path, 0);
    return placeAt(text, offset);
  } catch {
    return null;
  }
}

/** Where JSON.parse says the text broke ("… at position 57", or V8's "(line 3 column 5)"). */
export function locateParseError(text: string, message: string): TextPlace | null {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) {
    const line = Number(lineColumn[1]);
    const column = Number(lineColumn[2]);
    let offset = 0;
    for (let l = 1; l < line && offset >= 0; l++) offset = text.indexOf('\n', offset) + 1;
    return placeAt(text, offset + column - 1);
  }
  const position = /position (\d+)/.exec(message);
  if (position) return placeAt(text, Number(position[1]));
  if (/end of JSON input|Unterminated/i.test(message)) return placeAt(text, text.length);
  return null;
}

/** A minimal JSON walker: enough to find where a path's value starts, with no value built. */
class Scanner {
  private i = 0;
  constructor(private readonly text: string) {}

  /** Offset of the path's target, starting at the value under the cursor (whose path is `path[0..depth)`). */
  find(path: readonly PathPart[], depth: number): number {
    this.skipSpace();
    const start = this.i;
    if (depth === path.length) return start;
    const part = path[depth];
    const c = this.text[this.i];
    if (c === '{' && typeof part === 'string') {
      this.i++;
      this.skipSpace();
      if (this.text[this.i] === '}') return start;
      for (;;) {
        this.skipSpace();
        const keyAt = this.i;
        const key = this.readString();
        this.skipSpace();
        this.expect(':');
        if (key === part) return depth + 1 === path.length ? keyAt : this.find(path, depth + 1);
        this.skipValue();
        this.skipSpace();
        if (this.text[this.i] === ',') this.i++;
        else return start;
      }
    }
    if (c === '[' && typeof part === 'number') {
      this.i++;
      for (let index = 0; ; index++) {
        this.skipSpace();
        if (this.text[this.i] === ']') return start;
        if (index === part) return this.find(path, depth + 1);
        this.skipValue();
        this.skipSpace();
        if (this.text[this.i] === ',') this.i++;
        else return start;
      }
    }
    return start;
  }

  skipSpace(): void {
    while (this.i < this.text.length && /\s/.test(this.text[this.i])) this.i++;
  }

  private expect(c: string): void {
    if (this.text[this.i] !== c) throw new Error(`expected ${c}`);
    this.i++;
  }

  private readString(): string {
    const from = this.i;
    this.expect('"');
    while (this.i < this.text.length && this.text[this.i] !== '"') this.i += this.text[this.i] === '\\' ? 2 : 1;
    this.expect('"');
    return JSON.parse(this.text.slice(from, this.i)) as string;
  }

  private skipValue(): void {
    this.skipSpace();
    const c = this.text[this.i];
    if (c === '"') {
      this.readString();
      return;
    }
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      this.i++;
      this.skipSpace();
      if (this.text[this.i] === close) {
        this.i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          this.skipSpace();
          this.readString();
          this.skipSpace();
          this.expect(':');
        }
        this.skipValue();
        this.skipSpace();
        if (this.text[this.i] === ',') this.i++;
        else {
          this.expect(close);
          return;
        }
      }
    }
    const literal = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(this.text.slice(this.i, this.i + 64));
    if (!literal) throw new Error('not JSON');
    this.i += literal[0].length;
  }
}
