// What generated demo learners and mentors write (lib/demo/cohort-activity.ts): several voices per
// stage, picked and filled by the seeded random source, so notes, answers, reflections and feedback
// read like different people rather than one template. SIEM-01 (the flagship every dashboard shows)
// has notes written per stage; other missions get notes built from their own stage content.

export type Rng = () => number;
export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];

/** Facts a note may quote: filled per learner so two notes rarely match. */
export interface NoteFacts {
  name: string;
  failures: number;
  minutes: number;
  tool: string;
}

const SIEM01: Record<string, ((f: NoteFacts) => string)[]> = {
  triage: [
    (f) => `Counted failures per source with grep "Failed password" | awk '{print $(NF-3)}' | sort | uniq -c. 203.0.113.47 has ${f.failures} failures, 10.20.4.31 has 1 (mchen typo on the VPN, then publickey accepted), 192.0.2.66 never tried a password. True positive: one external IP cycling usernames.`,
    (f) => `True positive. 203.0.113.47 is the only source with repeated failures (${f.failures} in ~2 min, several usernames). The internal 10.20.4.31 failure is a one-off followed by a key login, and the 192.0.2.66 line is preauth noise.`,
    () => `Used the ${"Splunk"} search from the recipe: index=linux sourcetype=sshd "Failed password" | stats count by src. Top source 203.0.113.47. It tries admin/root/oracle, classic dictionary pattern, so I'm treating it as a real brute force, not a misconfigured client.`,
    (f) => `First I thought 192.0.2.66 was involved because it shows up mid-burst, but it only closes the connection preauth. Recount: 203.0.113.47 = ${f.failures} failed passwords. Verdict: true positive, external brute force against the bastion.`,
    () => `Source: 203.0.113.47 (TEST-NET-3, external). Failures per source: 203.0.113.47 -> 10, 10.20.4.31 -> 1. TP.`,
  ],
  scope: [
    () => `Usernames tried: admin, oracle, ubuntu (all "invalid user", don't exist) plus root and deploy (exist). deploy SUCCEEDED at 02:14:52 (Accepted password + pam_unix session opened uid=1002). Activity 02:13:07 to 02:15:10, about 2 minutes. This is now a compromise, not just an attempt.`,
    (f) => `Five accounts: admin, root, oracle, ubuntu, deploy. Accepted password for deploy at 02:14:52 UTC from the attacker IP, session opened. Timeline 02:13:07 first failure, 02:15:10 last line. Attached the uniq -c output. Took me ${f.minutes} min because I first missed the Accepted line.`,
    () => `grep 203.0.113.47 auth.log | grep -oE 'for (invalid user )?[a-z]+' | awk '{print $NF}' | sort -u -> admin deploy oracle root ubuntu. Important: deploy logged in with a password at 02:14:52. Password auth should not even be on for a service account.`,
    () => `Targeted: root, deploy (real accounts) and admin, oracle, ubuntu (invalid). One success: deploy, 02:14:52, password. The attacker kept trying admin afterwards (02:15:10) so it's probably an automated tool that doesn't stop on success.`,
  ],
  watch: [
    () => `02:21:40 attacker SYN in to bastion:22 (allowed). 02:21:44 bastion opens OUTBOUND to 203.0.113.47:4444 — looks like a reverse shell. 02:22:02 bastion starts hitting 10.20.8.40:5432 (the WMS database). Outbound is worse: the attacker has a channel that doesn't depend on our inbound rules.`,
    () => `Outbound from 10.20.0.15 to the attacker on DPT=4444, then two connections to the Postgres box. Watching cost us: they are moving toward the database. Should have blocked.`,
    () => `Timeline: 02:21:44 bastion -> 203.0.113.47 port 4444 (callback), 02:22:02-02:22:05 bastion -> 10.20.8.40:5432. Port 4444 = metasploit default listener, strongly suggests a shell.`,
  ],
  contain: [
    () => `Preserved first: cp /var/log/auth.log /root/ir/auth.log.$(date +%s), ss -tpn > /root/ir/ss.txt, ps auxf > /root/ir/ps.txt, sha256sum of each. Then iptables -I FORWARD 1 -s 203.0.113.47 -j DROP and the same with -d (both directions, position 1 so it beats the existing ALLOW rules). On the host: usermod -L deploy, pkill -KILL -u deploy, last -i deploy to confirm.`,
    () => `Blocked 203.0.113.47/32 only, not the /24 (other tenants of the same provider). Inserted at line 1 because iptables is first-match. Locked deploy and killed its sessions. Kept a copy of auth.log and the socket list before touching anything.`,
    () => `Order: 1) evidence (auth.log copy, ss -tpn, who) 2) edge block in and out for 203.0.113.47 3) usermod -L deploy + pkill 4) checked authorized_keys for deploy in case they added a key. Bastion stays up for the 05:00 dispatch run.`,
    () => `iptables -I FORWARD 1 -s 203.0.113.47 -j DROP; iptables -I FORWARD 1 -d 203.0.113.47 -j DROP. Locked the account. I forgot to save ss output before killing the session, noted it as a gap.`,
  ],
  handoff: [
    () => `Ticket: SUMMARY brute force on bastion-01 from 203.0.113.47 succeeded for deploy at 02:14:52 UTC. IMPACT possible shell on the jump host to the WMS. DONE edge block both ways, deploy locked, sessions killed, logs preserved. NEEDED from IR: check what deploy ran, rotate credentials, decide on rebuilding the bastion. Paged the IR lead at 02:41.`,
    () => `Escalated. Wrote the ticket so it reads on a phone: what happened (1 line), evidence (the Accepted line quoted), what I did, what I did NOT do (no reimage, evidence kept), open questions (persistence? other hosts?).`,
    () => `Paged IR with: source IP, compromised account, time of success, containment done, artefacts collected and where. Severity high: valid login on an internet-facing host.`,
  ],
  "close-report": [
    () => `Closed as contained with a report for the day shift: attacker blocked, deploy locked, password auth to be disabled. I did not page IR; in hindsight a successful login probably deserved it.`,
    () => `Report: brute force from 203.0.113.47, one success (deploy), contained at the edge and on the host. Recommend key-only SSH and fail2ban. Left for day shift to review.`,
  ],
};

const OPENERS = ["Checked", "Went through", "Looked at", "Started with", "Worked through"];
const CLOSERS = [
  "Evidence attached.",
  "Output of the commands is in the attached file.",
  "Not 100% sure about the last point, flagged it for the mentor.",
  "Times are UTC.",
  "Took longer than expected, the recipe helped.",
  "",
];

/** Notes for one stage: SIEM-01's own voices, or a note built from the stage's title, instructions and answer. */
export function stageNotes(rng: Rng, code: string, stage: { key: string; title: string; instructions: string; notes_min_chars: number }, facts: NoteFacts, answer: string | null): string {
  const own = code === "SIEM-01" ? SIEM01[stage.key] : undefined;
  let text: string;
  if (own) text = pick(rng, own)(facts);
  else {
    const steps = stage.instructions
      .replace(/```[\s\S]*?```/g, " ")
      .split(/\n+/)
      .map((l) => l.replace(/^\s*(\d+\.|[-*])\s*/, "").replace(/[*_`>#|]/g, "").trim())
      .filter((l) => l.length > 25 && !/^hand in/i.test(l));
    const did = steps.length ? pick(rng, steps) : stage.title;
    const first = did.split(/(?<=[.:;])\s/)[0].replace(/[.:;]$/, "");
    text = `${pick(rng, OPENERS)} ${stage.title.toLowerCase()} with ${facts.tool}. ${first.charAt(0).toUpperCase() + first.slice(1)}: done${answer ? `, result ${answer}` : ""}. ${pick(rng, CLOSERS)}`.trim();
  }
  return text.length >= stage.notes_min_chars ? text : `${text} I checked each point against the raw material before writing it down, and listed what I could not confirm.`;
}

/** A plausible wrong answer a learner types before the right one. */
export function wrongAnswer(rng: Rng, right: string): string {
  if (/^\d+\.\d+\.\d+\.\d+/.test(right)) return pick(rng, ["10.20.4.31", "192.0.2.66", "203.0.113.0/24", "198.51.100.10"]);
  if (/^\d+$/.test(right)) return pick(rng, ["22", "5432", "443"]);
  return pick(rng, ["admin, root", "root", "deploy", "not sure"]);
}

const REFLECT_OPEN = [
  (m: string) => `Looking back at ${m}:`,
  () => "What I did:",
  () => "Honestly, the first part went slower than it should have.",
  () => "Overall I'm happy with the outcome but not with how long it took.",
];

/** A reflection quoting the learner's own moments (time on a stage, a nudge, a hint, a decision). */
export function reflection(
  rng: Rng,
  m: { code: string; title: string },
  moments: { slowStage?: { title: string; minutes: number }; nudgeRecipe?: string; hintStage?: string; decision?: { label: string; ideal: boolean } },
): string {
  const parts: string[] = [pick(rng, REFLECT_OPEN)(`${m.code} (${m.title})`)];
  if (m.code === "SIEM-01")
    parts.push(
      pick(rng, [
        "I found the attacker quickly with uniq -c, but I nearly missed the Accepted password line for deploy, which is the most important line in the whole log.",
        "Counting by source made the attacker obvious. The real lesson was the successful login for deploy: an alert about failures can hide a success.",
        "The brute force itself was easy to spot; deciding what to do about it was the hard part.",
      ]),
    );
  if (moments.slowStage) parts.push(`I spent about ${moments.slowStage.minutes} minutes on "${moments.slowStage.title}", mostly reading the raw lines one by one before I thought of counting them.`);
  if (moments.nudgeRecipe) parts.push(`When the nudge suggested "${moments.nudgeRecipe}" I opened it, and the pipeline in step 2 was exactly what I was missing.`);
  if (moments.hintStage) parts.push(`I unlocked a hint on "${moments.hintStage}"; in hindsight I should have reread the instructions first, the answer was in the excerpt.`);
  if (moments.decision)
    parts.push(
      moments.decision.ideal
        ? `At the decision I chose "${moments.decision.label}" because a confirmed login on an internet-facing host is not something to observe; the consequence confirmed that.`
        : `At the decision I chose "${moments.decision.label}". The consequence showed what that cost, and next time I would act on the evidence I already had instead of waiting for more.`,
    );
  parts.push(
    pick(rng, [
      "Next time I will save the raw output before changing anything, and write the timeline as I go instead of at the end.",
      "What I would do differently: time-box the first pass to ten minutes, then ask for help or open a recipe.",
      "A detection for \"failed logins followed by a success from the same IP\" would have caught this at 02:14 instead of 02:16.",
      "I want to practise writing the escalation ticket faster; it took me longer than the analysis.",
    ]),
  );
  return parts.join(" ");
}

/** What a mentor writes for an outcome, naming a stage of the learner's path. */
export function mentorFeedback(rng: Rng, outcome: "approved" | "changes_requested" | "failed", stageTitle: string): string {
  const byOutcome = {
    approved: [
      `Good work. Your notes on "${stageTitle}" are exactly what the day shift needs: the command, the output, the conclusion.`,
      `Clear, evidence-led and well-judged. One thing to grow: say how confident you are when you infer something (e.g. in "${stageTitle}").`,
      `Solid attempt. The timeline was easy to follow and your decisions matched the evidence you had at the time.`,
    ],
    changes_requested: [
      `Close. Please revisit "${stageTitle}": quote the log line your conclusion rests on and attach the output you relied on.`,
      `The analysis is right but "${stageTitle}" reads like a summary, not evidence. Add the commands you ran and what they returned, then resubmit.`,
    ],
    failed: [
      `The key finding was missed: in "${stageTitle}" the successful login changes everything, and it isn't mentioned. Work through the recommended recipe and start a new attempt.`,
      `Your decisions weren't supported by the evidence you had. Read the consequence of each choice again, work through the recipe, and try a new attempt.`,
    ],
  } as const;
  return pick(rng, byOutcome[outcome]);
}

export const FIRST_NAMES = ["Aisha", "Ben", "Carla", "Dmitri", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jamal", "Katarzyna", "Liam", "Maya", "Nikhil", "Olivia", "Pedro", "Qing", "Rosa", "Stefan", "Tariq", "Uma", "Victor", "Wen", "Ximena", "Yusuf", "Zoe", "Anders", "Bianca", "Chidi", "Daria", "Emeka", "Freya", "Gustavo", "Hana", "Ivan", "Jun", "Kofi", "Leila", "Mateo", "Nora"];
export const LAST_NAMES = ["Abbasi", "Bauer", "Costa", "Dubois", "Eriksen", "Fernandes", "Gallagher", "Haddad", "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Mensah", "Nakamura", "Oduya", "Petrov", "Quinn", "Rossi", "Sato", "Tanaka", "Umarov", "Vasquez", "Walsh", "Xu", "Yilmaz", "Zhou", "Achterberg", "Byrne", "Chowdhury", "Delgado"];
