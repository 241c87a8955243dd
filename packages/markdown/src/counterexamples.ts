/**
 * Deliberate counter-examples in docs (SPEC, Suppression): a fence or a line marked with `❌`, `⚠️`, `wrong`,
 * `bad`, `don't`, `never`, `错误`, `不推荐`, `不要` is not reported unless `--include-counterexamples`.
 *
 * Where a mark counts, most specific first:
 * 1. a comment on the line itself (`"env": {...}  # ⚠️ less safe`);
 * 2. a whole-line comment above it in the same group of lines (up to a blank line or the next marked comment):
 *    `# ❌ 错误 - 使用 env` marks the call below it, `# ✅ 正确` marks the call below it as good;
 * 3. the block introducing the fence: the last sentence of the paragraph right above it (`**❌ 错误：**`), or a
 *    heading directly above it (`### 方法 2：显式令牌（不推荐）`), or the fence's info string.
 * A good mark (`✅`, `correct`, `good`, `recommended`, `正确`, `推荐`) at a more specific level wins over a bad one
 * at a less specific level; within one text the first mark wins.
 */

export type Verdict = "bad" | "good";

const BAD = /❌|⚠|\bwrong\b|\bbad\b|\bdon['’]?t\b|\bdo not\b|\bnever\b|错误|不推荐|不要/iu;
const GOOD = /✅|✔|\bcorrect\b|\bgood\b|\brecommended\b|正确|(?<!不)推荐/iu;

/** The mark `text` carries, if any (the first one when it has both). */
export function markOf(text: string): Verdict | null {
  const bad = BAD.exec(text);
  const good = GOOD.exec(text);
  if (bad && good) return bad.index <= good.index ? "bad" : "good";
  return bad ? "bad" : good ? "good" : null;
}

export type CommentStyle = "hash" | "slash";

/** The comment of one source line, and whether the line is only a comment. Strings are not parsed: a `#` is. */
function commentOf(line: string, style: CommentStyle): { text: string; wholeLine: boolean } | null {
  const match = style === "hash" ? /(^|\s)#(.*)$/.exec(line) : /(^|\s)\/\/(.*)$|\/\*(.*?)\*\//.exec(line);
  if (!match) return null;
  const text = match[2] ?? match[3] ?? "";
  return { text, wholeLine: line.slice(0, match.index).trim() === "" };
}

/** Each line's own verdict from its comment or the marked comment group it belongs to (null: unmarked). */
export function lineVerdicts(lines: readonly string[], style: CommentStyle): (Verdict | null)[] {
  const verdicts: (Verdict | null)[] = [];
  let group: Verdict | null = null;
  for (const line of lines) {
    if (line.trim() === "") {
      group = null;
      verdicts.push(null);
      continue;
    }
    const comment = commentOf(line, style);
    const mark = comment ? markOf(comment.text) : null;
    if (comment?.wholeLine) {
      if (mark) group = mark;
      verdicts.push(group);
      continue;
    }
    verdicts.push(mark ?? group);
  }
  return verdicts;
}
