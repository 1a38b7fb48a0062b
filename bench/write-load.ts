// A steady background write load for the analytics benchmark (issue 14): telemetry batches from two
// clients (~2,000 events/s, through the ingest statement, so timed stage.left events also update
// stage_time), a stage completion every 250 ms and a review (with its attempt's outcome) every second,
// written straight to the database like the use cases write them, so every trigger fires.
import os from "node:os";
import { randomUUID } from "node:crypto";
import postgres from "postgres";

export interface WriteLoad {
  stop(): Promise<{ events: number; completions: number; reviews: number; errors: number; seconds: number }>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startWriteLoad(url: string, { eventsPerSecond = 2000, completionEveryMs = 250, reviewEveryMs = 1000 } = {}): Promise<WriteLoad> {
  const { insertEvents } = await import("@/lib/db/queries/telemetry");
  const sql = postgres(url, { max: 3, onnotice: () => {} });
  // Attempts to write about: open ones (stage completions, telemetry) and submitted ones (reviews).
  const open = await sql<{ id: string; user_id: string; mission_id: string; stage: string }[]>`
    select p.id, p.user_id, p.mission_id, s.key as stage from mission_progress p
    join lateral (select key from mission_stages st where st.mission_id = p.mission_id order by random() limit 1) s on true
    where p.state in ('in_progress', 'changes_requested') order by random() limit 2000`;
  const submitted = await sql<{ id: string }[]>`select id from mission_progress where submitted_at is not null order by random() limit 2000`;
  const [mentor] = await sql<{ id: string }[]>`select id from users where role = 'mentor' limit 1`;
  if (open.length === 0 || submitted.length === 0 || !mentor) throw new Error("write load: no attempts or mentor (run npm run gen:scale first)");
  const counts = { events: 0, completions: 0, reviews: 0, errors: 0 };
  let stopped = false;
  const started = performance.now();
  const pick = <T>(l: T[]) => l[Math.floor(Math.random() * l.length)];

  // Two telemetry clients, 10 batches a second each.
  const perBatch = Math.max(1, Math.round(eventsPerSecond / 20));
  const telemetry = async () => {
    while (!stopped) {
      const t = performance.now();
      const events = Array.from({ length: perBatch }, (_, i) => {
        const a = pick(open);
        const left = i % 2 === 1;
        return {
          eventId: randomUUID(),
          type: left ? "stage.left" : "stage.entered",
          userId: a.user_id,
          occurredAt: new Date(),
          missionId: a.mission_id,
          progressId: a.id,
          stageKey: a.stage,
          recipeId: null,
          payload: left ? { visible_ms: 1000 + Math.floor(Math.random() * 60_000) } : {},
        };
      });
      try {
        counts.events += await insertEvents({ events });
      } catch {
        counts.errors++;
      }
      await sleep(Math.max(0, 100 - (performance.now() - t)));
    }
  };
  const completions = async () => {
    while (!stopped) {
      const a = pick(open);
      try {
        await sql.begin(async (t) => {
          await t`insert into stage_completions (progress_id, stage_key) values (${a.id}, ${a.stage}) on conflict do nothing`;
          await t`update mission_progress set last_activity_at = now(), path = case when path ? ${a.stage} then path else path || to_jsonb(${a.stage}::text) end where id = ${a.id}`;
        });
        counts.completions++;
      } catch {
        counts.errors++;
      }
      await sleep(completionEveryMs);
    }
  };
  const reviews = async () => {
    while (!stopped) {
      const p = pick(submitted);
      const passed = Math.random() < 0.7;
      const score = Math.floor(Math.random() * 101);
      try {
        await sql.begin(async (t) => {
          await t`insert into reviews (progress_id, mentor_id, based_on_version, outcome, score, passed)
            values (${p.id}, ${mentor.id}, (select coalesce(max(based_on_version), 0) + 1 from reviews where progress_id = ${p.id}), ${passed ? "approved" : "failed"}, ${score}, ${passed})`;
          await t`update mission_progress set state = ${passed ? "approved" : "failed"}, passed = ${passed}, score = ${score}, reviewed_at = now() where id = ${p.id}`;
        });
        counts.reviews++;
      } catch {
        counts.errors++;
      }
      await sleep(reviewEveryMs);
    }
  };
  const loops = [telemetry(), telemetry(), completions(), reviews()];
  return {
    async stop() {
      stopped = true;
      await Promise.all(loops);
      await sql.end();
      return { ...counts, seconds: Math.round((performance.now() - started) / 100) / 10 };
    },
  };
}

/** The 1-minute load average, rounded (the machine is shared: say how busy it was). */
export const loadAverage = () => Math.round(os.loadavg()[0] * 100) / 100;
