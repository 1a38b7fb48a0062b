import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "pandas-security-data-analysis",
  title: "Analyse security data with pandas",
  summary: "Load a CSV export of logins or alerts into pandas, clean it, compute per-user baselines, and flag statistical outliers such as impossible travel or unusual login hours.",
  description: "Many questions are too big for grep and too specific for the SIEM's built-ins. This recipe uses pandas to load, clean, aggregate and find outliers in security data, with a reproducible notebook as the deliverable.",
  type: "technical",
  difficulty: "intermediate",
  estimated_minutes: 45,
  skills: ["data-analysis", "scripting"],
  tools: ["Python", "pandas", "Jupyter"],
  prerequisites: [],
  inputs: ["A CSV export (e.g. sign-in logs with timestamp, user, ip, country, result)"],
  environment: "Python 3.10+ with pandas (`pip install pandas`).",
  steps: [
    {
      title: "Load and parse times",
      body: "Parse timestamps as UTC and check the columns.",
      command: "import pandas as pd\ndf = pd.read_csv('signins.csv', parse_dates=['timestamp'])\ndf['timestamp'] = df['timestamp'].dt.tz_localize('UTC') if df['timestamp'].dt.tz is None else df['timestamp']\ndf.info(); df.head()",
      expected_outcome: "A DataFrame with typed columns.",
    },
    {
      title: "Baseline per user",
      body: "Compute each user's usual countries and hours.",
      command: "df['hour'] = df['timestamp'].dt.hour\nbase = df.groupby('user').agg(countries=('country', lambda s: set(s.value_counts().index[:2])), median_hour=('hour','median'))",
      expected_outcome: "A baseline table per user.",
    },
    {
      title: "Flag outliers",
      body: "Logins from a country outside the user's top two, or far from their median hour.",
      command: "df = df.join(base, on='user')\ndf['new_country'] = [c not in s for c, s in zip(df.country, df.countries)]\ndf['odd_hour'] = (df.hour - df.median_hour).abs() > 6\nsusp = df[df.new_country | df.odd_hour]",
      expected_outcome: "A short list of suspicious logins.",
    },
    {
      title: "Impossible travel",
      body: "Sort each user's successful logins by time; flag consecutive logins from different countries less than two hours apart.",
      command: "ok = df[df.result=='success'].sort_values(['user','timestamp'])\nok['prev_country'] = ok.groupby('user').country.shift()\nok['gap_h'] = ok.groupby('user').timestamp.diff().dt.total_seconds()/3600\nok[(ok.country!=ok.prev_country) & (ok.gap_h<2)]",
      expected_outcome: "Pairs of logins that are physically implausible.",
    },
    {
      title: "Save the notebook",
      body: "Keep the notebook with its outputs as evidence and export the flagged rows to CSV.",
      command: "susp.to_csv('flagged.csv', index=False)",
      expected_outcome: "A reproducible notebook and a CSV of findings.",
    },
  ],
  validation_checks: ["Timestamps are in UTC", "Each flag has a stated rule", "The notebook re-runs from top to bottom"],
  related: ["jq-json-log-triage", "vuln-prioritisation-epss-kev"],
  links: [],
  mentor_curated: false,
  status: "published",
};

export default recipe;
