import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "jq-json-log-triage",
  title: "Triage JSON logs with jq",
  summary: "Filter, project and aggregate JSON-lines logs (CloudTrail, Okta, web app logs) with jq: select events, extract fields, group and count, and build a timeline.",
  description: "Cloud and SaaS logs come as JSON. jq lets you answer questions about them from a terminal without a SIEM. This recipe covers the handful of jq patterns that do 90% of the work.",
  type: "tooling",
  difficulty: "beginner",
  estimated_minutes: 25,
  skills: ["log-analysis", "cloud-security", "scripting"],
  tools: ["jq"],
  prerequisites: [],
  inputs: ["A JSON or JSON-lines log file"],
  steps: [
    {
      title: "Look at one event",
      body: "CloudTrail files wrap events in `Records`; JSON-lines files have one event per line.",
      command: "jq '.Records[0]' trail.json\nhead -1 events.jsonl | jq .",
      expected_outcome: "You know the field names.",
    },
    {
      title: "Select and project",
      body: "Keep only the events you care about and the fields you need, one line each.",
      command: "jq -r '.Records[] | select(.eventName==\"ConsoleLogin\") | [.eventTime, .sourceIPAddress, .userIdentity.arn, .responseElements.ConsoleLogin] | @tsv' trail.json",
      expected_outcome: "A tab-separated list of console logins.",
    },
    {
      title: "Group and count",
      body: "Aggregate by a field to spot outliers.",
      command: "jq -r '.Records[] | .sourceIPAddress' trail.json | sort | uniq -c | sort -rn\njq '[.Records[] | {ip: .sourceIPAddress}] | group_by(.ip) | map({ip: .[0].ip, n: length})' trail.json",
      expected_outcome: "Counts per source address.",
    },
    {
      title: "Build a timeline for one principal",
      body: "Sort by time and keep the actions of one identity.",
      command: "jq -r '[.Records[] | select(.userIdentity.accessKeyId==\"AKIAEXAMPLEKEY00001\")] | sort_by(.eventTime)[] | \"\\(.eventTime) \\(.eventSource) \\(.eventName) \\(.errorCode // \"ok\")\"' trail.json",
      expected_outcome: "An ordered list of what the key did, including errors.",
    },
  ],
  validation_checks: ["Your filter returns the expected number of events (cross-check with a count)", "Timelines are sorted by eventTime", "Missing fields are handled with `//`"],
  related: ["cloudtrail-investigation", "pandas-security-data-analysis"],
  links: [{ module: "command-line-basics", required: false, order: 1 }],
  mentor_curated: true,
  status: "published",
};

export default recipe;
