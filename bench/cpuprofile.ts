// Where a server's CPU went, from a V8 CPU profile (`node --cpu-prof`): self time grouped by package
// (node_modules/<pkg>), by our own source file, or by V8/Node internals, plus the top functions.
//
//   NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" npx next start …   # run the load, stop the server
//   npx tsx bench/cpuprofile.ts /tmp/prof/CPU.*.cpuprofile [TOP=25]
import fs from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

function groupOf(url: string, fn: string): string {
  if (!url) return fn === "(garbage collector)" ? "(gc)" : fn === "(idle)" || fn === "(program)" ? fn : "(native)";
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "node_modules/".length).split("/");
    const pkg = rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
    // Next bundles its server runtime and React into compiled files: name the file inside next.
    if (pkg === "next") return `next/${rest.slice(1).join("/").replace(/^dist\//, "").split("/").slice(0, 3).join("/")}`;
    return pkg;
  }
  if (url.startsWith("node:")) return url;
  const chunk = url.match(/\/(server\/chunks\/(?:ssr\/)?[^/]+)$/);
  return chunk ? `app chunk ${chunk[1]}` : url.replace(/^file:\/\//, "").replace(process.cwd(), ".");
}

const [file] = process.argv.slice(2);
if (!file) {
  console.error("usage: tsx bench/cpuprofile.ts <file.cpuprofile>");
  process.exit(2);
}
const p = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const idle = [...self].filter(([id]) => byId.get(id)!.callFrame.functionName === "(idle)").reduce((a, [, t]) => a + t, 0);
const busy = total - idle;
const groups = new Map<string, number>();
const fns = new Map<string, number>();
for (const [id, t] of self) {
  const n = byId.get(id)!;
  if (n.callFrame.functionName === "(idle)") continue;
  const g = groupOf(n.callFrame.url, n.callFrame.functionName);
  groups.set(g, (groups.get(g) ?? 0) + t);
  const f = `${n.callFrame.functionName || "(anonymous)"}  ${g}:${n.callFrame.lineNumber + 1}`;
  fns.set(f, (fns.get(f) ?? 0) + t);
}
const pct = (t: number) => `${((t / busy) * 100).toFixed(1).padStart(5)}%`;
const top = Number(process.env.TOP ?? 25);
console.log(`${(total / 1e6).toFixed(1)} s profiled, ${(busy / 1e6).toFixed(1)} s busy (shares below are of busy time)\n\nself time by package / file`);
for (const [g, t] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(t)}  ${g}`);
console.log(`\ntop functions (self time)`);
for (const [f, t] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(t)}  ${f}`);

// Inclusive time of named functions (FNS=a,b,c): the synchronous work under each, outermost call
// only (async continuations show up under their own frames, so this under-counts awaits).
if (process.env.FNS) {
  const inclusive = new Map<number, number>();
  const walk = (id: number): number => {
    const n = byId.get(id)!;
    const t = (self.get(id) ?? 0) + (n.children ?? []).reduce((a, c) => a + walk(c), 0);
    inclusive.set(id, t);
    return t;
  };
  walk(p.nodes[0].id);
  console.log(`\ninclusive time of named functions`);
  for (const name of process.env.FNS.split(",")) {
    let t = 0;
    const visit = (id: number, inside: boolean) => {
      const n = byId.get(id)!;
      const match = n.callFrame.functionName === name;
      if (match && !inside) t += inclusive.get(id)!;
      for (const c of n.children ?? []) visit(c, inside || match);
    };
    visit(p.nodes[0].id, false);
    console.log(`${pct(t)}  ${name}`);
  }
}
