import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "vuln-prioritisation-epss-kev",
  title: "Prioritise vulnerabilities with CVSS, EPSS and KEV",
  summary: "Rank a scanner export by what is actually exploited: join CVSS with EPSS probability and the CISA Known Exploited Vulnerabilities list, weight by asset exposure, and set fix deadlines.",
  description: "Scanners produce thousands of findings and CVSS alone makes everything urgent. This recipe combines severity, exploitation likelihood (EPSS), known exploitation (KEV) and asset context into a short, defensible fix list.",
  type: "analysis",
  difficulty: "intermediate",
  estimated_minutes: 40,
  skills: ["vulnerability-management", "data-analysis", "risk-assessment"],
  tools: ["Python", "pandas", "jq"],
  prerequisites: [],
  inputs: ["Scanner export as CSV (host, cve, cvss)", "An EPSS scores file and the KEV catalogue, downloaded to a local folder"],
  steps: [
    {
      title: "Load the data",
      body: "Read the scanner export and the two reference files.",
      command: "import pandas as pd, json\nscan = pd.read_csv('scan.csv')\nepss = pd.read_csv('epss_scores.csv', comment='#')\nkev = {v['cveID'] for v in json.load(open('kev.json'))['vulnerabilities']}",
      expected_outcome: "Three data sets in memory.",
    },
    {
      title: "Join and flag",
      body: "Add EPSS probability and a KEV flag to each finding.",
      command: "df = scan.merge(epss[['cve','epss']], on='cve', how='left')\ndf['kev'] = df['cve'].isin(kev)",
      expected_outcome: "Each finding has cvss, epss and kev columns.",
    },
    {
      title: "Add asset exposure",
      body: "Internet-facing assets and crown jewels count more. Join an asset list with `exposure` (internet/internal) and `criticality` (1–3).",
      expected_outcome: "Context columns on every finding.",
    },
    {
      title: "Assign priority and deadlines",
      body: "P1 (7 days): KEV, or EPSS ≥ 0.5 on an internet-facing asset. P2 (30 days): CVSS ≥ 7 and EPSS ≥ 0.1. P3 (90 days): the rest. Document the policy.",
      command: "df['priority'] = 'P3'\ndf.loc[(df.cvss>=7)&(df.epss>=0.1),'priority'] = 'P2'\ndf.loc[df.kev | ((df.epss>=0.5)&(df.exposure=='internet')),'priority'] = 'P1'\ndf.groupby('priority').size()",
      expected_outcome: "A count per priority, with P1 small enough to act on this week.",
    },
  ],
  validation_checks: ["Every KEV finding is P1", "The priority rules are written down and applied by code, not by hand", "P1 has a named owner per asset"],
  related: ["cvss-finding-writeup", "pandas-security-data-analysis"],
  links: [],
  mentor_curated: false,
  status: "published",
};

export default recipe;
