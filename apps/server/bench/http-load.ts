// Load over real sockets for the write benchmarks: a Node process of its own for each server (the
// product's src/main.ts, or a baseline), and wrk (Debian's, a separate process) as the load
// generator over 127.0.0.1. Each request comes from a Lua table of prepared requests (method,
// path, headers, body), which wrk's threads share out, so every request is distinct (a volunteer's
// own session and check-in) and none is sent twice. The Lua side counts the answers by status and
// how many said "alreadyDone": false, so a run says what it did, not only how fast.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SERVER_DIR = path.dirname(fileURLToPath(new URL('../package.json', import.meta.url)));

export interface Server {
  pid: number;
  base: string;
  /** The last lines it printed (for an error message). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts a Node process running `file` (TypeScript, through tsx) and waits for its port. With
 * BENCH_CPU_PROFILE_DIR set, the process writes a V8 CPU profile there when it stops.
 */
export async function startServer(file: string, env: Record<string, string>, ready: RegExp): Promise<Server> {
  const profile = process.env.BENCH_CPU_PROFILE_DIR;
  const flags = profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : [];
  const child: ChildProcess = spawn(process.execPath, [...flags, '--import', 'tsx', file], {
    cwd: SERVER_DIR,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      const found = ready.exec(output);
      if (found) {
        clearInterval(timer);
        clearTimeout(deadline);
        resolve(Number(found[1]));
      }
    }, 50);
    const deadline = setTimeout(() => {
      clearInterval(timer);
      reject(new Error(`${file} did not start:\n${output}`));
    }, 120_000);
    child.once('exit', (code) => {
      clearInterval(timer);
      clearTimeout(deadline);
      reject(new Error(`${file} exited (${code}):\n${output}`));
    });
  });
  return {
    pid: child.pid!,
    base: `http://127.0.0.1:${port}`,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** RSS (MB) and CPU seconds of a process, from /proc. */
export function processStats(pid: number): { rssMb: number; cpuSeconds: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return { rssMb: rssKb / 1024, cpuSeconds: (Number(stat[11]) + Number(stat[12])) / 100 };
}

export interface PreparedRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface LoadResult {
  label: string;
  rate: number;
  p50: number;
  p99: number;
  requests: number;
  /** answers by HTTP status */
  statuses: Record<string, number>;
  /** 2xx answers saying "alreadyDone":false (a check-in written by this request) */
  fresh: number;
  socketErrors: number;
  /** every prepared request was sent before the time was up (the rate is then too low) */
  exhausted: boolean;
  rssMaxMb: number;
  cpuUsPerRequest: number;
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

/**
 * Runs wrk against `server` for `seconds` with `connections` connections over 2 threads. Thread k
 * sends requests k, k + 2, k + 4 … of `requests`, each once; a thread that runs out says so.
 */
export async function loadRequests(
  label: string,
  server: Server,
  requests: readonly PreparedRequest[],
  options: { seconds: number; connections: number },
): Promise<LoadResult> {
  const threads = 2;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-wrk-'));
  const script = path.join(dir, 'requests.lua');
  const data = path.join(dir, 'requests.tsv');
  // one request a line: method, path, body ('-' for none), then header names and values, by tabs
  // (JSON has no raw tab or newline; the paths and header values here have none either)
  const lines = requests.map((r) => {
    const headers = { ...(r.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...r.headers };
    const fields = [r.method, r.path, r.body === undefined ? '-' : JSON.stringify(r.body)];
    for (const [k, v] of Object.entries(headers)) fields.push(k, v);
    if (fields.some((f) => /[\t\n]/.test(f))) throw new Error(`a request with a tab or newline: ${r.path}`);
    return fields.join('\t');
  });
  fs.writeFileSync(data, lines.join('\n') + '\n');
  fs.writeFileSync(
    script,
    [
      'local all = {}',
      `for line in io.lines(${JSON.stringify(data)}) do`,
      '  local f = {}',
      '  for field in string.gmatch(line, "[^\\t]+") do table.insert(f, field) end',
      '  local h = {}',
      '  for i = 4, #f - 1, 2 do h[f[i]] = f[i + 1] end',
      '  local body = nil',
      '  if f[3] ~= "-" then body = f[3] end',
      '  table.insert(all, { f[1], f[2], h, body })',
      'end',
      'local threads = {}',
      'function setup(thread)',
      '  thread:set("first", #threads + 1)',
      '  table.insert(threads, thread)',
      'end',
      'function init(args)',
      '  pos = first; fresh = 0; out = 0; codes = {}',
      'end',
      'function request()',
      '  local r = all[pos]',
      '  if r == nil then',
      '    out = 1',
      '    wrk.thread:stop()',
      '    r = all[first]',
      '  else',
      `    pos = pos + ${threads}`,
      '  end',
      '  return wrk.format(r[1], r[2], r[3], r[4])',
      'end',
      'function response(status, headers, body)',
      '  codes[status] = (codes[status] or 0) + 1',
      '  if status < 300 and string.find(body, \'"alreadyDone":false\', 1, true) then fresh = fresh + 1 end',
      'end',
      'function done(summary, latency, requests)',
      '  local f, o, c = 0, 0, {}',
      '  for _, t in ipairs(threads) do',
      '    f = f + t:get("fresh"); o = o + t:get("out")',
      '    for k, v in pairs(t:get("codes")) do c[k] = (c[k] or 0) + v end',
      '  end',
      '  local parts = {}',
      '  for k, v in pairs(c) do table.insert(parts, k .. "=" .. v) end',
      '  io.write(string.format("LUA fresh=%d exhausted=%d codes=%s\\n", f, o, table.concat(parts, ",")))',
      'end',
    ].join('\n'),
  );
  const measured = await runWrk(server, script, {
    seconds: options.seconds,
    connections: options.connections,
    threads,
    timeoutSeconds: 10,
  }).finally(() => fs.rmSync(dir, { recursive: true, force: true }));
  const { stdout } = measured;
  const counted = /LUA fresh=(\d+) exhausted=(\d+) codes=(\S*)/.exec(stdout);
  if (!counted) throw new Error(`wrk's script printed no summary:\n${stdout}`);
  const statuses: Record<string, number> = {};
  for (const part of counted[3]!.split(',').filter(Boolean)) {
    const [code, n] = part.split('=');
    statuses[code!] = Number(n);
  }
  return {
    label,
    rate: measured.rate,
    p50: measured.p50,
    p99: measured.p99,
    requests: measured.requests,
    statuses,
    fresh: Number(counted[1]),
    socketErrors: measured.socketErrors,
    exhausted: counted[2] !== '0',
    rssMaxMb: measured.rssMaxMb,
    cpuUsPerRequest: measured.cpuUsPerRequest,
  };
}

/** What wrk measured of one run, with the server's RSS and CPU sampled from /proc meanwhile. */
export interface WrkRun {
  rate: number;
  p50: number;
  p99: number;
  requests: number;
  /** 'Non-2xx or 3xx responses' */
  non2xx3xx: number;
  socketErrors: number;
  rssMaxMb: number;
  cpuUsPerRequest: number;
  stdout: string;
}

/** Runs wrk with a Lua `script` against `server`, sampling the server's RSS every 200 ms. */
export async function runWrk(
  server: Server,
  script: string,
  options: { seconds: number; connections: number; threads?: number; timeoutSeconds?: number },
): Promise<WrkRun> {
  let rssMaxMb = 0;
  const sample = () => {
    try {
      rssMaxMb = Math.max(rssMaxMb, processStats(server.pid).rssMb);
    } catch {
      // the process has gone: the run reports the errors
    }
  };
  const before = processStats(server.pid);
  const sampler = setInterval(sample, 200);
  let stdout: string;
  try {
    ({ stdout } = await run(
      'wrk',
      [
        `-t${options.threads ?? 2}`,
        `-c${options.connections}`,
        `-d${options.seconds}s`,
        '--latency',
        '--timeout',
        `${options.timeoutSeconds ?? 10}s`,
        '-s',
        script,
        server.base,
      ],
      { timeout: (options.seconds + 60) * 1000, maxBuffer: 1 << 24 },
    ));
  } finally {
    clearInterval(sampler);
  }
  sample();
  const after = processStats(server.pid);
  const latency = (q: string) => {
    const m = new RegExp(`^\\s+${q}%\\s+([\\d.]+)(us|ms|s|m)\\b`, 'm').exec(stdout);
    if (!m) throw new Error(`wrk printed no ${q}% latency:\n${stdout}`);
    return Number(m[1]) * UNIT_MS[m[2]!]!;
  };
  const requests = Number(/(\d+) requests in/.exec(stdout)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  return {
    rate: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1] ?? 0),
    p50: latency('50'),
    p99: latency('99'),
    requests,
    non2xx3xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0),
    socketErrors: socket ? socket.slice(1).reduce((n, v) => n + Number(v), 0) : 0,
    rssMaxMb,
    cpuUsPerRequest: requests > 0 ? ((after.cpuSeconds - before.cpuSeconds) * 1e6) / requests : 0,
    stdout,
  };
}

/** Answers other than 2xx, as "404×3, 500×1" (empty when none). */
export function refusals(l: LoadResult): string {
  return Object.entries(l.statuses)
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, n]) => `${code}×${n}`)
    .join(', ');
}

export const fmtLoad = (l: LoadResult) =>
  `${Math.round(l.rate).toLocaleString('en')} req/s, p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms`;
