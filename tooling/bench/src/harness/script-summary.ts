// What a bench script printed, made short for the report: when its output ends with a JSON object (as
// wasm-training.bench.ts prints), its timing and ratio fields as 'path = value' lines; otherwise the last lines.

/** Keys kept from a script's JSON: times (…Ms), ratios (…Over…, ratio…), medians, errors, and which mode ran. */
const INTERESTING = /^(mode|error|ratio\w*|median\w*|\w*ms|\w+Over\w+)$/i;

/** The JSON object the output ends with, if any (a block from a line that is just '{' to the end). */
export function trailingJson(output: string): Record<string, unknown> | null {
  const lines = output.trimEnd().split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i] !== '{') continue;
    try {
      const value: unknown = JSON.parse(lines.slice(i).join('\n'));
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }
  return null;
}

/** Scalar leaves whose path names a time, a ratio or an error (arrays skipped), at most `limit` of them. */
export function summarizeJson(value: Record<string, unknown>, limit = 30): string[] {
  const out: string[] = [];
  const walk = (v: unknown, path: string, depth: number) => {
    if (out.length >= limit || v === null || v === undefined || Array.isArray(v)) return;
    if (typeof v === 'object') {
      if (depth >= 4) return;
      for (const [k, child] of Object.entries(v as Record<string, unknown>)) walk(child, path ? `${path}.${k}` : k, depth + 1);
      return;
    }
    if (INTERESTING.test(path.split('.').pop() ?? '') && !/version/i.test(path)) out.push(`${path} = ${typeof v === 'number' ? Math.round(v * 100) / 100 : String(v)}`);
  };
  walk(value, '', 0);
  return out;
}

export function summarizeOutput(output: string, tailLines = 40): string {
  const json = trailingJson(output);
  const lines = json ? summarizeJson(json) : [];
  if (lines.length > 0) return lines.join('\n');
  return output.trimEnd().split('\n').slice(-tailLines).join('\n');
}
