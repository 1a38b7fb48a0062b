// autocannon ships no types; this covers the part of its API the benchmarks use.
declare module "autocannon" {
  namespace autocannon {
    interface Histogram {
      average: number;
      mean: number;
      stddev: number;
      min: number;
      max: number;
      total: number;
      p50: number;
      p90: number;
      p97_5: number;
      p99: number;
      [k: string]: number;
    }
    interface Result {
      title?: string;
      url: string;
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      latency: Histogram;
      requests: Histogram;
      throughput: Histogram;
      [k: string]: unknown;
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    type Options = Record<string, any>;
    interface Instance extends PromiseLike<Result> {
      on(event: string, listener: (...args: any[]) => void): Instance; // eslint-disable-line @typescript-eslint/no-explicit-any
      stop(): void;
    }
  }
  function autocannon(opts: autocannon.Options): autocannon.Instance & Promise<autocannon.Result>;
  function autocannon(opts: autocannon.Options, cb: (err: Error | null, res: autocannon.Result) => void): autocannon.Instance;
  export default autocannon;
}
