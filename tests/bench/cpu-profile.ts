import fs from "node:fs";
import path from "node:path";

// Summarises the V8 CPU profiles a server wrote with `node --cpu-prof` (tests/bench/intake.bench.ts
// --cpu-prof): self time grouped by where the code lives (an npm package, the app's server bundle
// in .next/server, Node's internals, the garbage collector) and the hottest functions.

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

export type ProfileSummary = {
  files: string[];
  /** sampled CPU time without (idle), ms */
  totalMs: number;
  byGroup: { name: string; ms: number; share: number }[];
  /**
   * The same time with Node's internals and native code (socket writes, buffers, module loading)
   * charged to the nearest caller that is a package or the app: who asked for the work.
   */
  byOwner: { name: string; ms: number; share: number }[];
  topFunctions: { name: string; ms: number; share: number }[];
};

/** Where a function's code lives, coarsely: the package, the app bundle, Node, or V8's own pseudo-frames. */
export function groupOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("wasm://")) return "WebAssembly (Prisma's query compiler)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith("node:")) return "node internals";
  const bundle = /\/\.next[^/]*\/server\/(chunks\/)?/.exec(url);
  if (bundle) return "app server bundle (.next/server)";
  return path.basename(url);
}

export function summariseCpuProfiles(dir: string): ProfileSummary {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  const groups = new Map<string, number>();
  const functions = new Map<string, number>();
  const owners = new Map<string, number>();
  const NOT_AN_OWNER = new Set(["(native)", "node internals", "(program)"]);
  let total = 0;
  for (const f of files) {
    const p = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as CpuProfile;
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const ownerOf = (id: number): string => {
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const f = byId.get(at)!.callFrame;
        const g = groupOf(f.url, f.functionName);
        if (!NOT_AN_OWNER.has(g) && g !== "(root)") return g;
      }
      return "node internals (no JS caller)";
    };
    p.samples.forEach((id, i) => {
      const node = byId.get(id);
      if (!node) return;
      const { functionName, url, lineNumber } = node.callFrame;
      if (functionName === "(idle)") return;
      const ms = (p.timeDeltas[i] ?? 0) / 1000;
      total += ms;
      const group = groupOf(url, functionName);
      groups.set(group, (groups.get(group) ?? 0) + ms);
      const owner = ownerOf(id);
      owners.set(owner, (owners.get(owner) ?? 0) + ms);
      const fn = `${functionName || "(anonymous)"} ${url ? `${group === path.basename(url) ? url : group}:${lineNumber + 1}` : ""}`.trim();
      functions.set(fn, (functions.get(fn) ?? 0) + ms);
    });
  }
  const rank = (m: Map<string, number>) =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).map(([name, ms]) => ({ name, ms: Math.round(ms), share: total ? (ms / total) * 100 : 0 }));
  return { files, totalMs: Math.round(total), byGroup: rank(groups), byOwner: rank(owners), topFunctions: rank(functions).slice(0, 40) };
}

// `tsx tests/bench/cpu-profile.ts <dir>`: the same summary for profiles taken by hand.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const s = summariseCpuProfiles(process.argv[2] ?? ".");
  console.log(`${s.files.length} profiles, ${s.totalMs} ms sampled`);
  for (const g of s.byGroup.slice(0, 20)) console.log(`${g.share.toFixed(1).padStart(5)} %  ${g.name}`);
  console.log("charged to the calling package:");
  for (const g of s.byOwner.slice(0, 20)) console.log(`${g.share.toFixed(1).padStart(5)} %  ${g.name}`);
  for (const f of s.topFunctions.slice(0, 30)) console.log(`${f.share.toFixed(1).padStart(5)} %  ${f.name}`);
}
