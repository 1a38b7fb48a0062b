import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "gdpr-dpia-screening",
  title: "Screen and scope a DPIA",
  summary: "Decide whether a processing activity needs a Data Protection Impact Assessment (GDPR Art. 35), map the data flow, and identify risks to people and the measures that reduce them.",
  description: "New systems that process personal data at scale, monitor people or use new technology often need a DPIA. This recipe applies the screening criteria, documents the data flow and produces the risk-and-measures table the DPO signs.",
  type: "process",
  difficulty: "intermediate",
  estimated_minutes: 40,
  skills: ["privacy", "compliance", "risk-assessment"],
  tools: ["DPIA template"],
  prerequisites: [],
  steps: [
    {
      title: "Screen",
      body: "Check the EDPB criteria: evaluation/scoring, automated decisions, systematic monitoring, sensitive data, large scale, matching datasets, vulnerable subjects, innovative technology, blocking a right. Two or more usually means a DPIA is required.",
      expected_outcome: "A documented screening result with the criteria met.",
    },
    {
      title: "Describe the processing",
      body: "Purpose, lawful basis, data categories, data subjects, recipients, processors, transfers outside the EEA, retention.",
      expected_outcome: "A data flow description or diagram.",
    },
    {
      title: "Necessity and proportionality",
      body: "Could the purpose be achieved with less data, shorter retention, or pseudonymisation?",
      expected_outcome: "Data minimisation changes identified.",
    },
    {
      title: "Risks to people and measures",
      body: "For each risk (e.g. unauthorised access, function creep, inaccurate profiling), rate likelihood and severity for the individuals, then list measures and the residual risk.",
      expected_outcome: "A risk table; high residual risk triggers prior consultation with the authority (Art. 36).",
    },
  ],
  validation_checks: ["Screening criteria are cited", "Every risk is framed as a risk to individuals, not to the company", "Residual risk is stated"],
  related: ["breach-notification-clock", "risk-register-basics"],
  links: [],
  mentor_curated: false,
  status: "published",
};

export default recipe;
