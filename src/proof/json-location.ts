/**
 * Where a character of a JSON text is, as a path (`events[12].data.body`) and a line and column,
 * so a verifier can say where a file was edited. The text is assumed well-formed up to `offset`.
 */
interface JsonLocation {
  readonly path: string;
  /** Byte offset in the UTF-8 file, 0-based. */
  readonly byte: number;
  readonly line: number;
  readonly column: number;
}

type Frame = { kind: 'object'; key: string | null; awaitingKey: boolean } | { kind: 'array'; index: number };

export function locate(text: string, offset: number): JsonLocation {
  const stack: Frame[] = [];
  for (let i = 0; i < offset && i < text.length; i++) {
    const char = text[i];
    const top = stack.at(-1);
    if (char === '"') {
      const end = stringEnd(text, i);
      if (end >= offset) break;
      if (top?.kind === 'object' && top.awaitingKey) top.key = JSON.parse(text.slice(i, end + 1)) as string;
      i = end;
    } else if (char === '{') stack.push({ kind: 'object', key: null, awaitingKey: true });
    else if (char === '[') stack.push({ kind: 'array', index: 0 });
    else if (char === '}' || char === ']') stack.pop();
    else if (char === ':' && top?.kind === 'object') top.awaitingKey = false;
    else if (char === ',' && top) {
      if (top.kind === 'array') top.index++;
      else top.awaitingKey = true;
    }
  }
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return {
    path: pathOf(stack),
    byte: Buffer.byteLength(before, 'utf8'),
    line: lines.length,
    column: lines.at(-1)!.length + 1,
  };
}

export function describe(location: JsonLocation): string {
  const at = `byte ${location.byte} (line ${location.line}, column ${location.column})`;
  return location.path === '' ? at : `${location.path}, ${at}`;
}

function pathOf(stack: readonly Frame[]): string {
  return stack
    .map((frame) => {
      if (frame.kind === 'array') return `[${frame.index}]`;
      return frame.key === null
        ? ''
        : /^[A-Za-z_$][\w$]*$/.test(frame.key)
          ? `.${frame.key}`
          : `[${JSON.stringify(frame.key)}]`;
    })
    .join('')
    .replace(/^\./, '');
}

function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return text.length;
}
