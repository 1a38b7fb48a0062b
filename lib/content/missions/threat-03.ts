import type { MissionInput } from "../schemas";

const mission: MissionInput = {
  code: "THREAT-03",
  title: "Who else can update 12,000 e-bikes?",
  track: "innovation",
  tier: "advanced",
  summary: "An e-bike fleet is about to roll out firmware 3.0 over the air, with a new remote-lock command. Model the OTA system as a data-flow diagram, apply STRIDE per element, rank the threats and chain them into an attack tree, then design mitigations with tests that prove them.",
  story: `**Velora Mobility** (velora.test) runs **12,000 shared e-bikes** in six cities. Each bike has a telematics unit on LTE that talks to Velora's cloud over MQTT and receives firmware over the air (OTA). Firmware **3.0** adds a remote **lock** command, so operations can immobilise stolen bikes, and new motor-controller tuning. The motor assistance must stay limited to 25 km/h: a bike that exceeds it is no longer legally a bicycle, and a fleet-wide fault would take every bike off the road.

The CTO wants the rollout to start in ten days. You are Velora's **product security architect**, and the design review is yours to sign off. Nobody has threat-modelled the OTA system since the first fleet launched three years ago, and the bikes stand in public streets where anyone can take one apart.`,
  objectives: [
    "Model the OTA system as a data-flow diagram with trust boundaries",
    "Apply STRIDE per element, including physical-access threats",
    "Rank threats consistently and chain them into an attack tree",
    "Design mitigations traced to threats, each with a verification test",
  ],
  estimated_minutes: 200,
  skills: ["threat-modeling", "secure-code-review", "risk-assessment", "devsecops"],
  reflection_required: true,
  success_criteria: {
    min_score: 65,
    required_stages: ["dfd", "stride", "mitigate"],
    items: ["The shared fleet credential and the missing anti-rollback check are both found", "Every high-ranked threat has a tested mitigation"],
  },
  status: "published",
  stages: [
    {
      key: "dfd",
      title: "Draw the system",
      instructions: `The architecture, as described by the engineering leads:

| ID | Element | Type | Notes |
|---|---|---|---|
| E1 | Rider app (iOS, Android) | External entity | Starts and ends rides through the Fleet API |
| E2 | Operations console (ops.velora.test) | External entity | Staff SSO; can send lock, unlock and OTA commands to any bike |
| P1 | Fleet API | Process | Kubernetes service; publishes commands to the broker |
| P2 | MQTT broker | Process | Bikes connect over LTE with username \`bike-fleet\` and **one shared password baked into the firmware**; ACL: \`bike-fleet\` may publish and subscribe to \`bikes/#\` |
| P3 | Firmware build | Process | CI runners build images; the signing key \`fw-signing.pem\` is a CI secret used in the build job |
| D1 | Firmware bucket | Data store | Images served over HTTPS; the bucket is **public-read** |
| P4 | Bike telematics unit and bootloader | Process | Receives \`{"url": …}\` on \`bikes/<id>/ota\`, downloads the image, verifies its signature, flashes it |

Draw the data-flow diagram: every element, numbered data flows (e.g. *F3: P1 → P2, lock command*), data stores, and the trust boundaries — at least internet ↔ cloud, cloud ↔ bike over LTE, CI ↔ production, and **the bike itself**, which sits in a public street.

Then answer: which STRIDE category does the shared \`bike-fleet\` credential primarily expose, given that anyone can open a bike and read its flash?

**Hand in:** the STRIDE category in the answer box; the diagram (image or PDF) as an attached file.`,
      required_skills: ["threat-modeling"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["image", "pdf", "text"], description: "Data-flow diagram with trust boundaries." },
      notes_min_chars: 20,
      weight: 2,
      answer: {
        kind: "regex",
        pattern: "^\\s*(s|spoofing)\\s*$",
        explanation: "Spoofing: one credential extracted from any bike lets the attacker connect as any bike, and the ACL on bikes/# then lets it publish commands too (tampering, elevation). The root cause is identity: bikes cannot be told apart.",
      },
      answer_prompt: "STRIDE category",
      recipes: ["stride-threat-model"],
      hints: [
        { text: "Physical access is a trust boundary: treat every secret stored on a bike as known to attackers.", penalty: 3 },
        { text: "If every bike logs in with the same name and password, the broker cannot tell one bike from another.", penalty: 6 },
      ],
    },
    {
      key: "stride",
      title: "STRIDE per element",
      instructions: `The bootloader's install routine (from the firmware repository):

\`\`\`c
int install(const image_t *img) {
    if (img->hw_rev != BOARD_REV)
        return ERR_HW;
    if (!ed25519_verify(VELORA_PUBKEY, img->payload, img->len, img->sig))
        return ERR_SIG;
    return flash_write(img->payload, img->len);
}
\`\`\`

Firmware **2.3.1**, correctly signed and still in the bucket, has a known Bluetooth flaw that unlocks a bike without a ride.

Apply STRIDE to every element and data flow of your diagram. Produce a table with **at least twelve threats**:

| ID | Element / flow | STRIDE | Threat (actor, action, asset) | Preconditions |
|---|---|---|---|---|

Your table must at least consider: the shared broker credential; OTA messages that are not authenticated end to end; the signing key inside CI; the public bucket; mass lock commands from the console (and whether anyone could tell who sent them); the rider app's ride API.

**Hand in:** in the answer box, the check that is missing from \`install()\` (one or two words); the STRIDE table as an attached file.`,
      required_skills: ["threat-modeling", "secure-code-review"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["csv", "text", "pdf"], description: "STRIDE table." },
      notes_min_chars: 20,
      weight: 3,
      answer: {
        kind: "regex",
        pattern: "(version|roll-?back|downgrade|monotonic|counter)",
        explanation: "There is no version (anti-rollback) check: any correctly signed image is accepted, including 2.3.1 with the Bluetooth unlock flaw. Combined with the shared MQTT credential, an attacker can downgrade the whole fleet.",
      },
      answer_prompt: "Missing check in install()",
      recipes: ["stride-threat-model"],
      hints: [
        { text: "A valid signature proves who built an image, not that it is the newest one.", penalty: 3 },
        { text: "What stops the bike from accepting the signed 2.3.1 image again?", penalty: 6 },
      ],
    },
    {
      key: "rank",
      title: "Rank and chain",
      instructions: `The review panel scored the leading threats (likelihood and impact, 1–5 each):

| ID | Threat | Likelihood | Impact |
|---|---|---|---|
| T1 | Attacker extracts the shared MQTT credential from one bike and publishes \`lock\` to every bike | 4 | 4 |
| T2 | Attacker publishes an OTA message pointing bikes at signed firmware 2.3.1 (downgrade) | 3 | 5 |
| T3 | A compromised CI job signs a modified image that removes the 25 km/h limit | 2 | 5 |
| T4 | Rider app: a ride is started on another user's account by changing an ID | 3 | 3 |
| T5 | A staff member sends a mass unlock and denies it; the console keeps no audit log | 2 | 4 |
| T6 | Firmware downloaded from the public bucket and reverse-engineered | 5 | 2 |

1. Compute likelihood × impact and rank the threats.
2. The scores treat threats independently. Draw an **attack tree** for the goal *"attacker controls the fleet"* with AND/OR nodes, showing how T6, T1 and T2 chain.
3. Argue whether T3 deserves a higher rank than its score gives it (safety and legal impact, blast radius), and state the ranking you will take to the CTO.

**Hand in:** the ID of the threat with the highest likelihood × impact in the answer box; the ranking, attack tree and argument as an attached file.`,
      required_skills: ["threat-modeling", "risk-assessment"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["image", "pdf", "text"], description: "Ranking and attack tree." },
      notes_min_chars: 20,
      weight: 2,
      answer: {
        kind: "regex",
        pattern: "^\\s*t?1\\s*$",
        explanation: "T1 scores 16 (4 × 4), ahead of T2 at 15, T3 and T6 at 10, T4 at 9 and T5 at 8. Chained, T6 → T1 → T2 is worse than any single score suggests.",
      },
      answer_prompt: "Highest-scoring threat (ID)",
      recipes: ["stride-threat-model", "risk-register-basics"],
      hints: [
        { text: "T1: 4 × 4; T2: 3 × 5.", penalty: 3 },
        { text: "Reverse engineering (T6) is how the attacker gets the credential for T1, which is how they deliver T2.", penalty: 6 },
      ],
    },
    {
      key: "mitigate",
      title: "Mitigations you can test",
      instructions: `Design the mitigations for the release decision. For each top threat, write:

| Threat | Mitigation | Where it is enforced | Verification test (input → expected result) | Before 3.0 rollout? |
|---|---|---|---|---|

Consider, among others:
- per-bike identity: a key pair generated in the bike's secure element, an X.509 client certificate, broker ACL \`bikes/\${clientid}/#\`;
- OTA commands signed end to end by the backend, not only protected by TLS;
- a signed manifest with version and expiry, and a **monotonic anti-rollback counter** in the bootloader (test: flash signed 2.3.1 → expect rejection);
- signing in a KMS or HSM from a separate release workflow with two-person approval, never a key file in CI;
- audit logging and two-person approval for mass commands; rate limits on the lock command;
- staged rollout: 1% canary fleet, automatic halt on error budget.

Then write a half-page sign-off note to the CTO: what must be in place before day ten, what can follow with a date, and what residual risk the CTO is accepting.

**Hand in:** the mitigation table and the sign-off note as an attached file.`,
      required_skills: ["threat-modeling", "devsecops"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["pdf", "text", "csv"], description: "Mitigation table and sign-off note." },
      notes_min_chars: 20,
      weight: 3,
      recipes: ["stride-threat-model", "github-actions-hardening"],
      hints: [
        { text: "A mitigation without a test is a hope: write the exact input and the exact expected rejection.", penalty: 3 },
        { text: "Anti-rollback can ship in 3.0 because it is in the image being installed; per-bike certificates need provisioning and may follow with a date — say what protects the fleet until then.", penalty: 6 },
      ],
    },
  ],
  rubric: [
    { key: "data-flow-diagram", stage: "dfd", title: "Data-flow diagram", weight: 2, skills: ["threat-modeling"], levels: [
      { points: 0, label: "Missing", descriptor: "No diagram submitted." },
      { points: 1, label: "Partial", descriptor: "Elements drawn without numbered flows or trust boundaries." },
      { points: 2, label: "Competent", descriptor: "All elements, numbered flows and the four trust boundaries including physical access." },
      { points: 3, label: "Strong", descriptor: "As competent, with assumptions stated and the OTA path traced end to end." } ] },
    { key: "stride-coverage", stage: "stride", title: "STRIDE coverage", weight: 3, skills: ["threat-modeling", "secure-code-review"], levels: [
      { points: 0, label: "Missing", descriptor: "No STRIDE table submitted." },
      { points: 1, label: "Partial", descriptor: "Generic threats, or misses the rollback flaw in the bootloader." },
      { points: 2, label: "Competent", descriptor: "Twelve or more specific threats across elements, including rollback, shared credential, CI signing key and repudiation." },
      { points: 3, label: "Strong", descriptor: "As competent, with preconditions that make the chaining between threats visible." } ] },
    { key: "ranking-and-tree", stage: "rank", title: "Ranking and attack tree", weight: 2, skills: ["risk-assessment"], levels: [
      { points: 0, label: "Missing", descriptor: "No ranking submitted." },
      { points: 1, label: "Partial", descriptor: "Scores computed but no attack tree or no argument about T3." },
      { points: 2, label: "Competent", descriptor: "Correct ranking, an AND/OR tree showing the T6 → T1 → T2 chain, a reasoned view on T3." },
      { points: 3, label: "Strong", descriptor: "As competent, and explains the limits of likelihood × impact for chained, safety-relevant threats." } ] },
    { key: "mitigation-design", stage: "mitigate", title: "Mitigations and sign-off", weight: 3, skills: ["threat-modeling", "devsecops"], levels: [
      { points: 0, label: "Missing", descriptor: "No mitigations submitted." },
      { points: 1, label: "Partial", descriptor: "Mitigations without tests, or everything demanded before day ten." },
      { points: 2, label: "Competent", descriptor: "Each top threat traced to an enforced mitigation with a concrete test; a realistic before/after split." },
      { points: 3, label: "Strong", descriptor: "As competent; the sign-off note names the residual risk and the person accepting it." } ] },
  ],
};

export default mission;
