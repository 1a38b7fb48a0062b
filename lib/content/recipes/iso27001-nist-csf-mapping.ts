import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "iso27001-nist-csf-mapping",
  title: "Map controls to ISO 27001:2022 and NIST CSF 2.0",
  summary: "Build a control matrix that maps your actual controls to ISO/IEC 27001:2022 Annex A and NIST CSF 2.0 subcategories, with evidence and gaps, so one control serves several frameworks.",
  description: "Organisations answer to several frameworks at once. This recipe builds one matrix: each internal control, its Annex A reference, its CSF 2.0 subcategory, its evidence, and its status — and turns gaps into a remediation plan.",
  type: "process",
  difficulty: "intermediate",
  estimated_minutes: 50,
  skills: ["control-mapping", "compliance", "audit"],
  tools: ["Spreadsheet"],
  prerequisites: ["risk-register-basics"],
  steps: [
    {
      title: "List your controls as you operate them",
      body: "Write controls in your own words with an owner: *All remote access requires MFA (IT Ops).*",
      expected_outcome: "An inventory of 20–60 operated controls.",
    },
    {
      title: "Map to Annex A",
      body: "ISO 27001:2022 Annex A has 93 controls in four themes (5 organisational, 6 people, 7 physical, 8 technological). Examples: MFA → 8.5 Secure authentication; logging → 8.15 Logging; supplier agreements → 5.20.",
      expected_outcome: "An Annex A reference per control.",
    },
    {
      title: "Map to NIST CSF 2.0",
      body: "CSF 2.0 has six functions: Govern (GV), Identify (ID), Protect (PR), Detect (DE), Respond (RS), Recover (RC). Examples: MFA → PR.AA-03; log monitoring → DE.CM-01; supplier risk → GV.SC-07.",
      expected_outcome: "A CSF subcategory per control.",
    },
    {
      title: "Attach evidence and status",
      body: "For each control: what evidence proves it operates (config export, ticket sample, report), and status (implemented, partial, missing).",
      expected_outcome: "Evidence and status columns filled.",
    },
    {
      title: "Find and plan gaps",
      body: "Annex A controls with no mapped internal control need either a control or a justified exclusion in the Statement of Applicability.",
      expected_outcome: "A gap list with owners and dates, and SoA justifications.",
    },
  ],
  validation_checks: ["Every Annex A control is either mapped or excluded with a reason", "Evidence is specific, not 'policy exists'", "CSF references use 2.0 identifiers"],
  related: ["risk-register-basics", "audit-evidence-sampling"],
  links: [],
  mentor_curated: true,
  status: "published",
};

export default recipe;
