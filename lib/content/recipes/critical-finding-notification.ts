import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "critical-finding-notification",
  title: "Notify a client of a critical finding mid-test",
  summary: "When a test finds something that cannot wait for the report: call first, then send a short encrypted email with impact, scope of what you did, and an interim mitigation.",
  description: "Most rules of engagement oblige testers to report critical findings within a fixed time. This recipe covers who to contact, what to say on the phone, what to put in writing (and what never to), and how to handle the harder case of disclosing your own mistake.",
  type: "communication",
  difficulty: "intermediate",
  estimated_minutes: 15,
  skills: ["communication", "reporting"],
  tools: ["Phone", "PGP or S/MIME email"],
  prerequisites: [],
  steps: [
    {
      title: "Check the contract clause",
      body: "Find the notification clause in the rules of engagement: threshold (e.g. High and above), deadline (e.g. 24 h), named contact and channel.",
      expected_outcome: "Contact, channel and deadline written at the top of your draft.",
    },
    {
      title: "Phone script (three sentences)",
      body: "*I've found a critical issue in the booking portal that lets any registered customer read the booking database. I've proven it with one record of our own test account and changed nothing. I'm sending details by encrypted email now and suggest disabling the search until it's fixed.*",
      expected_outcome: "A call made and logged with time and person.",
    },
    {
      title: "Encrypted email",
      body: "Subject without details (*Sortie engagement — urgent finding*). Body: affected URL and parameter, impact in business terms, what you did and did not do, interim mitigation, your availability. No working payloads.",
      expected_outcome: "A sub-200-word email that a manager can forward internally.",
    },
    {
      title: "If the news is your own mistake",
      body: "Same day, same channel: what data, how much, where it was stored, how and when it was destroyed (e.g. `shred -u`, project deleted), and what you will change. Copy your engagement manager.",
      expected_outcome: "A factual disclosure the client can use for their own breach assessment.",
    },
  ],
  validation_checks: ["Sent within the contract deadline", "No exploit payload in the email", "Interim mitigation proposed"],
  related: ["cvss-finding-writeup", "sqli-safe-proof-of-concept"],
  links: [{ mission: "WEB-02", stage: "notify", required: false, order: 0 }],
  mentor_curated: false,
  status: "published",
};

export default recipe;
