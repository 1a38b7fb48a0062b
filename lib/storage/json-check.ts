// Whether a text is one JSON value, decided chunk by chunk in constant memory (an upload is sniffed
// as it streams: a 25 MB file is never held whole to run JSON.parse on it). Agrees with
// `JSON.parse(text.trim())` succeeding, except that nesting deeper than MAX_DEPTH counts as not JSON.

const MAX_DEPTH = 10_000;
const isJsonSpace = (c: string) => c === " " || c === "\t" || c === "\n" || c === "\r";
// What String.prototype.trim() removes: leading and trailing whitespace of any kind is allowed
// around the value (JSON.parse itself accepts only the four above, which this includes).
const isJsSpace = (c: string) => /\s/.test(c);
const HEX = /[0-9a-fA-F]/;

type State =
  | "start" // before the top-level value (trim()'s whitespace allowed)
  | "value" // a value is expected
  | "after" // a value has ended: `,`, a closer, or the end
  | "key" // in an object, a key (or `}` right after `{`) is expected
  | "colon"
  | "string"
  | "escape"
  | "unicode"
  | "number"
  | "literal"
  | "done" // the top-level value has ended: only trailing whitespace may follow
  | "bad";

export function jsonChecker() {
  let state: State = "start";
  const stack = new Uint8Array(MAX_DEPTH); // 1 = array, 2 = object
  let depth = 0;
  let stringIsKey = false;
  let hexLeft = 0;
  let literal = "";
  let literalAt = 0;
  let number = "";
  let emptyContainer = false; // just after `[` or `{`, where the closer may come at once

  const endValue = () => {
    state = depth === 0 ? "done" : "after";
  };
  const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
  const NUMBER_CHAR = /[0-9eE.+-]/;

  function startValue(c: string): void {
    emptyContainer = false;
    if (c === "{" || c === "[") {
      if (depth >= MAX_DEPTH) return void (state = "bad");
      stack[depth++] = c === "[" ? 1 : 2;
      emptyContainer = true;
      state = c === "[" ? "value" : "key";
    } else if (c === '"') {
      stringIsKey = false;
      state = "string";
    } else if (c === "-" || (c >= "0" && c <= "9")) {
      number = c;
      state = "number";
    } else if (c === "t" || c === "f" || c === "n") {
      literal = c === "t" ? "true" : c === "f" ? "false" : "null";
      literalAt = 1;
      state = "literal";
    } else state = "bad";
  }

  function close(c: string): void {
    const want = c === "]" ? 1 : 2;
    if (depth === 0 || stack[depth - 1] !== want) return void (state = "bad");
    depth--;
    emptyContainer = false;
    endValue();
  }

  function step(c: string): void {
    switch (state) {
      case "start":
        if (!isJsSpace(c)) startValue(c);
        return;
      case "value":
        if (isJsonSpace(c)) return;
        if (c === "]" && emptyContainer) return close(c);
        return startValue(c);
      case "key":
        if (isJsonSpace(c)) return;
        if (c === "}" && emptyContainer) return close(c);
        if (c !== '"') return void (state = "bad");
        emptyContainer = false;
        stringIsKey = true;
        state = "string";
        return;
      case "colon":
        if (isJsonSpace(c)) return;
        state = c === ":" ? "value" : "bad";
        return;
      case "after":
        if (isJsonSpace(c)) return;
        if (c === ",") state = stack[depth - 1] === 1 ? "value" : "key";
        else if (c === "]" || c === "}") close(c);
        else state = "bad";
        return;
      case "string":
        if (c === '"') {
          if (stringIsKey) state = "colon";
          else endValue();
        } else if (c === "\\") state = "escape";
        else if (c < " ") state = "bad";
        return;
      case "escape":
        if (c === "u") {
          hexLeft = 4;
          state = "unicode";
        } else state = '"\\/bfnrt'.includes(c) ? "string" : "bad";
        return;
      case "unicode":
        if (!HEX.test(c)) return void (state = "bad");
        if (--hexLeft === 0) state = "string";
        return;
      case "number":
        if (NUMBER_CHAR.test(c)) {
          number += c;
          if (number.length > 1_000_000) state = "bad"; // no number is that long; keeps memory bounded
          return;
        }
        if (!NUMBER.test(number)) return void (state = "bad");
        endValue();
        return step(c);
      case "literal":
        if (c !== literal[literalAt]) return void (state = "bad");
        if (++literalAt === literal.length) endValue();
        return;
      case "done":
        if (!isJsSpace(c)) state = "bad";
        return;
      case "bad":
        return;
    }
  }

  return {
    /** Feeds the next piece of text. */
    push(text: string) {
      for (let i = 0; i < text.length && state !== "bad"; i++) step(text[i]);
    },
    /** True when everything pushed is exactly one JSON value (with whitespace around it). */
    end(): boolean {
      if (state === "number" && NUMBER.test(number) && depth === 0) return true;
      return state === "done";
    },
  };
}
