import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "windows-persistence-hunting",
  title: "Hunt Windows persistence with Sysmon and Autoruns",
  summary:
    "Find what an attacker left behind to survive a reboot: query the Sysmon and Windows events that record persistence being created, enumerate what is configured on the host now with Autoruns and WMI queries, and reconcile the two.",
  description:
    "An EDR quarantining one file does not tell you what else the attacker installed. Logs show what was created while logging worked; the live host shows what exists now, including anything created during a logging gap. This recipe uses both and maps each finding to MITRE ATT&CK.",
  type: "analysis",
  difficulty: "intermediate",
  estimated_minutes: 40,
  skills: ["threat-hunting", "forensics", "log-analysis", "mitre-attack"],
  tools: ["Sysmon", "Sysinternals Autoruns (autorunsc)", "PowerShell", "Your SIEM"],
  prerequisites: [],
  inputs: ["The host name and the time window of the intrusion", "Live-response access to the host (EDR console or remote shell)"],
  environment: "A Windows host under investigation, isolated by EDR; Sysmon forwarded to a SIEM. Run collection tools from a trusted share or the EDR console, not from the host's own profile.",
  steps: [
    {
      title: "Pull the persistence events for the window",
      body:
        "Sysmon: 1 (process creation — reg.exe, schtasks.exe, sc.exe, wmic.exe, powershell.exe), 11 (file creation in Startup folders and `C:\\Windows\\System32\\Tasks`), 12/13 (registry: Run keys, Services, Image File Execution Options, Winlogon), 19/20/21 (WMI filter, consumer, binding). Windows: Security 4698 (scheduled task created, if audited) and System 7045 (service installed).",
      command:
        "EventCode IN (1,11,12,13,19,20,21) host=FPG-WS-0114 earliest=-2d\n| search TargetObject=\"*\\\\CurrentVersion\\\\Run*\" OR TargetObject=\"*\\\\Services\\\\*\\\\ImagePath\" OR TargetObject=\"*Image File Execution Options*\" OR TargetFilename=\"*\\\\System32\\\\Tasks\\\\*\" OR EventCode IN (19,20,21) OR Image IN (\"*\\\\schtasks.exe\",\"*\\\\sc.exe\",\"*\\\\reg.exe\")\n| table _time EventCode Image CommandLine TargetObject TargetFilename Details",
      expected_outcome: "A timeline of every persistence-shaped event on the host in the window.",
      evidence_hint: "Export the result as CSV.",
    },
    {
      title: "Note the gaps in the logs",
      body:
        "Look for periods with no events at all from a busy host (collector restarts, WEF subscription changes, the Sysmon service stopped). Anything that happened in a gap can only be found on the host itself.",
      command: "host=<hostname> earliest=-2d | timechart span=1m count",
      expected_outcome: "The gaps are listed with their start and end times.",
    },
    {
      title: "Enumerate the live host with Autoruns",
      body:
        "Run the command-line Autoruns with all categories, hashes, signature checks and CSV output. Do **not** use `-m`: with `-s` it hides Microsoft-signed entries — including hijacks that point at Microsoft binaries such as cmd.exe or powershell.exe. Avoid `-v`/`-vt` unless you are allowed to send hashes to VirusTotal.",
      command: "autorunsc64.exe -accepteula -a * -c -h -s -nobanner > C:\\IR\\%COMPUTERNAME%-autoruns.csv",
      expected_outcome: "A CSV of every autostart entry with signer, image path, launch string and timestamp.",
      evidence_hint: "Keep the raw CSV and a trimmed copy with your verdicts.",
    },
    {
      title: "Query WMI subscriptions directly",
      body: "WMI persistence lives in the `root/subscription` namespace as three objects. List all of them; bindings tell you which filter fires which consumer.",
      command:
        "Get-CimInstance -Namespace root/subscription -ClassName __EventFilter | Select-Object Name, Query\nGet-CimInstance -Namespace root/subscription -ClassName CommandLineEventConsumer | Select-Object Name, CommandLineTemplate, ExecutablePath\nGet-CimInstance -Namespace root/subscription -ClassName __FilterToConsumerBinding | Select-Object Filter, Consumer",
      expected_outcome: "Every filter, consumer and binding, including any the logs missed.",
    },
    {
      title: "Triage each entry",
      body:
        "Sort by timestamp and focus on the intrusion window. For each entry ask: is the signer or the **launch string** unusual (a signed powershell.exe with `-Enc` is still malicious)? Does the path sit in a user-writable place (AppData, ProgramData, Temp)? Does the name imitate Windows (USO_, Wd, OneDrive Update)? Known benign look-alikes include the `SCM Event Log Consumer` WMI entry.",
      expected_outcome: "Each entry marked attacker, legitimate or needs checking, with a reason.",
    },
    {
      title: "Reconcile and map to ATT&CK",
      body:
        "Match every log event to a live entry and vice versa. Entries only on the host point to logging gaps; events only in the logs point to cleanup by the attacker. Map each mechanism: T1547.001 Run keys, T1053.005 scheduled task, T1543.003 service, T1546.003 WMI subscription, T1546.008/T1546.012 IFEO debugger.",
      expected_outcome: "One table: mechanism, evidence (log, host or both), runs as, fires when, ATT&CK ID.",
    },
  ],
  validation_checks: [
    "Every attacker mechanism appears with its evidence source",
    "Autoruns was run without -m and the raw CSV is kept",
    "WMI filters, consumers and bindings were all enumerated",
    "Logging gaps in the intrusion window are stated",
  ],
  related: ["threat-hunt-hypothesis", "mitre-attack-mapping", "sigma-rule-from-log"],
  links: [
    { mission: "SYSMON-02", stage: "trail", required: false, order: 0 },
    { mission: "SYSMON-02", stage: "autoruns", required: true, order: 0 },
  ],
  mentor_curated: true,
  status: "published",
};

export default recipe;
