import type { MissionInput } from "../schemas";

// Defender / intermediate: Sysmon trail → Autoruns cross-check → [collect + rebuild | rebuild | clean in place → verify]
// → detection → handover. The clean-in-place branch is one stage longer.
const mission: MissionInput = {
  code: "SYSMON-02",
  title: "What survives the reboot?",
  track: "defender",
  tier: "intermediate",
  summary:
    "EDR killed an implant on a finance workstation, and the desktop team wants to hand the laptop back. Read the Sysmon trail and an Autoruns export, find every persistence mechanism (including the one the logs missed), decide how to make the host trustworthy again, and write the detection that would have fired.",
  story: `**Ferrier Print Group** (650 staff, ferrier-print.test) prints packaging and point-of-sale material for supermarket chains. Its finance team pays 300 suppliers in a **month-end payment run on Friday**.

Yesterday at 14:16 UTC the EDR agent on **FPG-WS-0114** — the laptop of Jess Hale, credit controller — terminated and quarantined \`odupdate.exe\` after it opened \`lsass.exe\` for reading. The implant arrived at 14:01 through an ISO attachment ("Remittance_0412.iso") that Jess opened from what looked like a customer's remittance email. Jess is a **local administrator** on her laptop (a 2019 exception for a label-printer driver that nobody revisited).

The EDR console now says *"Threat remediated"*, and the desktop team has asked to **return the laptop to Jess tomorrow at 08:00**. The implant was hands-on-keyboard for fifteen minutes before it was killed. You are the **Tier 2 SOC analyst** on the day shift. Sysmon (a sysmon-modular configuration, which also records access to LSASS) runs on every workstation and forwards through Windows Event Forwarding (WEF) to the SIEM; the host is isolated by EDR and you can still run tools on it through the EDR live-response console.

Your job: find out what the attacker left behind to get back in, decide what it takes to trust this laptop again, close the detection gap, and hand over clearly to the desktop team and incident response.`,
  objectives: [
    "Reconstruct every persistence mechanism from the Sysmon trail and map each to MITRE ATT&CK",
    "Cross-check the live host with Autoruns and find persistence the logs did not record",
    "Decide how to make the workstation trustworthy again and justify it",
    "Write and test a Sigma detection for WMI event subscription persistence",
    "Hand over to the desktop team and incident response with the credentials that must be reset",
  ],
  estimated_minutes: 120,
  skills: ["log-analysis", "threat-hunting", "forensics", "mitre-attack", "sigma", "detection-engineering", "incident-response", "communication"],
  time_constraint_hours: null,
  auto_submit_on_deadline: false,
  reflection_required: true,
  reflection_prompt:
    "The EDR said \"Threat remediated\" and it was technically right about the one file it quarantined. What did that verdict leave out, what evidence convinced you, and what would you change so that the next host is checked before it goes back to its user?",
  success_criteria: {
    min_score: 60,
    required_stages: ["trail", "autoruns", "detect"],
    items: [
      "All four logged persistence mechanisms are found and told apart from the UAC bypass",
      "The IFEO debugger on sethc.exe is found in Autoruns and the logging gap that hid it is explained",
      "The Sigma rule matches Sysmon event 20 for command-line consumers and has been tested",
      "The handover treats the credentials on the host as stolen",
    ],
  },
  status: "published",
  stages: [
    {
      key: "trail",
      title: "Read the Sysmon trail",
      instructions: `This is the SIEM export of Sysmon events from **FPG-WS-0114** on Tuesday 27 May, trimmed to the attacker's process tree (UTC; \`<SID>\` is Jess's SID, \`S-1-5-21-3623811015-3361044348-30300820-1187\`):

\`\`\`
14:01:37  EID 11  FileCreate       Image=C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe
                                   TargetFilename=C:\\Users\\j.hale\\AppData\\Local\\Microsoft\\OneDriveUpdate\\odupdate.exe
14:01:52  EID 1   ProcessCreate    Image=C:\\Users\\j.hale\\AppData\\Local\\Microsoft\\OneDriveUpdate\\odupdate.exe
                                   ParentImage=C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe  IntegrityLevel=Medium
14:03:10  EID 1   ProcessCreate    Image=C:\\Windows\\System32\\reg.exe  IntegrityLevel=Medium
                                   CommandLine=reg add HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run /v "OneDrive Update" /t REG_SZ
                                     /d "C:\\Users\\j.hale\\AppData\\Local\\Microsoft\\OneDriveUpdate\\odupdate.exe /background" /f
14:03:10  EID 13  RegistryValueSet Image=C:\\Windows\\System32\\reg.exe
                                   TargetObject=HKU\\<SID>\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\OneDrive Update
14:04:55  EID 13  RegistryValueSet Image=...\\odupdate.exe
                                   TargetObject=HKU\\<SID>_Classes\\ms-settings\\Shell\\Open\\command\\DelegateExecute  Details=(Empty)
14:04:55  EID 13  RegistryValueSet Image=...\\odupdate.exe
                                   TargetObject=HKU\\<SID>_Classes\\ms-settings\\Shell\\Open\\command\\(Default)
                                   Details=C:\\Users\\j.hale\\AppData\\Local\\Microsoft\\OneDriveUpdate\\odupdate.exe
14:04:57  EID 1   ProcessCreate    Image=C:\\Windows\\System32\\fodhelper.exe  ParentImage=...\\odupdate.exe  IntegrityLevel=High
14:04:58  EID 1   ProcessCreate    Image=...\\odupdate.exe  ParentImage=C:\\Windows\\System32\\fodhelper.exe  IntegrityLevel=High
14:05:03  EID 12  DeleteKey        Image=...\\odupdate.exe  TargetObject=HKU\\<SID>_Classes\\ms-settings\\Shell\\Open\\command
14:06:02  EID 1   ProcessCreate    Image=C:\\Windows\\System32\\schtasks.exe  ParentImage=...\\odupdate.exe  IntegrityLevel=High
                                   CommandLine=schtasks /create /tn "\\Microsoft\\Windows\\UpdateOrchestrator\\USO_Refresh"
                                     /tr "powershell.exe -NoP -W Hidden -Enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQA…" /sc onlogon /ru SYSTEM /f
14:06:02  EID 11  FileCreate       Image=C:\\Windows\\system32\\svchost.exe
                                   TargetFilename=C:\\Windows\\System32\\Tasks\\Microsoft\\Windows\\UpdateOrchestrator\\USO_Refresh
14:07:10  EID 11  FileCreate       Image=...\\odupdate.exe  TargetFilename=C:\\ProgramData\\Microsoft\\Crypto\\RSA\\wdhelper.exe
14:07:29  EID 1   ProcessCreate    Image=C:\\Windows\\System32\\sc.exe  ParentImage=...\\odupdate.exe  IntegrityLevel=High
                                   CommandLine=sc create WdHelperSvc binPath= "C:\\ProgramData\\Microsoft\\Crypto\\RSA\\wdhelper.exe"
                                     start= auto DisplayName= "Windows Defender Helper"
14:07:29  EID 13  RegistryValueSet Image=C:\\Windows\\system32\\services.exe
                                   TargetObject=HKLM\\System\\CurrentControlSet\\Services\\WdHelperSvc\\ImagePath
                                   Details=C:\\ProgramData\\Microsoft\\Crypto\\RSA\\wdhelper.exe
14:08:15  EID 19  WmiEventFilter   Operation=Created  User=FERRIER\\j.hale  Name="PerfCounterSync"  EventNamespace="root\\cimv2"
                                   Query="SELECT * FROM __InstanceModificationEvent WITHIN 60 WHERE TargetInstance ISA
                                     'Win32_PerfFormattedData_PerfOS_System' AND TargetInstance.SystemUpTime >= 240
                                     AND TargetInstance.SystemUpTime < 325"
14:08:15  EID 20  WmiEventConsumer Operation=Created  User=FERRIER\\j.hale  Name="PerfCounterSync"  Type=Command Line
                                   Destination="C:\\ProgramData\\Microsoft\\Crypto\\RSA\\wdhelper.exe"
14:08:16  EID 21  WmiEventConsumerToFilter  Operation=Created
                                   Consumer="CommandLineEventConsumer.Name=\\"PerfCounterSync\\""  Filter="__EventFilter.Name=\\"PerfCounterSync\\""
--        no events received from FPG-WS-0114 between 14:09:02 and 14:15:40 (WEF subscription re-created on the collector)
14:16:48  EID 10  ProcessAccess    SourceImage=...\\odupdate.exe  TargetImage=C:\\Windows\\system32\\lsass.exe  GrantedAccess=0x1010
14:16:49  EDR     odupdate.exe terminated and quarantined (Credential access: LSASS memory read)
\`\`\`

1. List every **persistence mechanism** the attacker created: when, where it lives, what it launches, **as which account** and **when it fires** (logon, boot, a timer…).
2. Not every registry write is persistence. Explain what happened between 14:04:55 and 14:05:03 and why the integrity level changes from Medium to High.
3. Map each persistence mechanism to its MITRE ATT&CK sub-technique.

**Hand in:** the ATT&CK sub-technique IDs of the persistence mechanisms in the answer box, comma-separated; in your notes, one line per mechanism (time, location, launches, runs as, fires when) and two sentences on the 14:04–14:05 activity.`,
      required_skills: ["log-analysis", "mitre-attack", "threat-hunting"],
      evidence: { required: false, min_files: 0, max_files: 3, kinds: ["text", "csv", "image"] },
      notes_min_chars: 40,
      weight: 2,
      answer: {
        kind: "set",
        values: ["T1547.001", "T1053.005", "T1543.003", "T1546.003"],
        min_matches: 4,
        explanation:
          "Run key (T1547.001, as Jess at her logon), scheduled task (T1053.005, as SYSTEM at any logon), service (T1543.003, as LocalSystem at boot) and WMI event subscription (T1546.003, as SYSTEM about four to five minutes after boot). The ms-settings/fodhelper writes are a UAC bypass (T1548.002) — privilege escalation, deleted a few seconds later, not persistence.",
      },
      answer_prompt: "ATT&CK sub-technique IDs of the persistence, comma-separated",
      recipes: ["windows-persistence-hunting", "mitre-attack-mapping"],
      hints: [
        {
          text: "Look for four different places Windows starts programs from: a Run key, the Task Scheduler, the Service Control Manager and the WMI repository. Sysmon events 19, 20 and 21 always come as a filter, a consumer and the binding between them.",
          penalty: 2,
        },
        {
          text: "The `ms-settings\\Shell\\Open\\command` key plus `fodhelper.exe` is a well-known UAC bypass: fodhelper auto-elevates and runs whatever that key points to. It is why the later commands run at High integrity — and the key is deleted at 14:05:03, so nothing persists there.",
          penalty: 5,
        },
        {
          text: "T1547.001 (Run key), T1053.005 (scheduled task), T1543.003 (Windows service), T1546.003 (WMI event subscription). The WMI filter fires once when uptime is between 240 and 325 seconds — four to five minutes after every boot.",
          penalty: 10,
        },
      ],
    },
    {
      key: "autoruns",
      title: "Cross-check the live host with Autoruns",
      instructions: `The logs have a six-minute hole (14:09:02–14:15:40) while the attacker was still active. Logs tell you what happened; only the host tells you what is **there now**. Through the EDR live-response console you ran Sysinternals Autoruns on FPG-WS-0114:

\`\`\`
autorunsc64.exe -accepteula -a * -c -h -s -nobanner > C:\\IR\\FPG-WS-0114-autoruns.csv
\`\`\`

(Deliberately **without** \`-m\`: "hide Microsoft entries" combined with \`-s\` hides anything signed by Microsoft — including a Microsoft binary an attacker has pointed a hijack at.) Sorted by time and trimmed to the entries that are not part of the standard build:

\`\`\`
Time,Entry Location,Entry,Enabled,Category,Signer,Image Path,Launch String
2025-04-28 08:14,HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run,OneDrive,enabled,Logon,(Verified) Microsoft Corporation,c:\\users\\j.hale\\appdata\\local\\microsoft\\onedrive\\onedrive.exe,"C:\\Users\\j.hale\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe" /background
2025-05-27 14:03,HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run,OneDrive Update,enabled,Logon,(Not verified),c:\\users\\j.hale\\appdata\\local\\microsoft\\onedriveupdate\\odupdate.exe,C:\\Users\\j.hale\\AppData\\Local\\Microsoft\\OneDriveUpdate\\odupdate.exe /background
2024-11-19 10:02,Task Scheduler,\\Adobe Acrobat Update Task,enabled,Tasks,(Verified) Adobe Inc.,c:\\program files (x86)\\common files\\adobe\\arm\\1.0\\adobearm.exe,"C:\\Program Files (x86)\\Common Files\\Adobe\\ARM\\1.0\\AdobeARM.exe"
2025-05-27 14:06,Task Scheduler,\\Microsoft\\Windows\\UpdateOrchestrator\\USO_Refresh,enabled,Tasks,(Verified) Microsoft Windows,c:\\windows\\system32\\windowspowershell\\v1.0\\powershell.exe,powershell.exe -NoP -W Hidden -Enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQA…
2025-05-27 14:07,HKLM\\System\\CurrentControlSet\\Services,WdHelperSvc,enabled,Services,(Not verified),c:\\programdata\\microsoft\\crypto\\rsa\\wdhelper.exe,C:\\ProgramData\\Microsoft\\Crypto\\RSA\\wdhelper.exe
2019-06-03 11:27,HKLM\\System\\CurrentControlSet\\Services,ZDesignerSvc,enabled,Services,(Verified) Zebra Technologies,c:\\program files\\zebra\\zdesigner\\zdsvc.exe,"C:\\Program Files\\Zebra\\ZDesigner\\zdsvc.exe"
2025-05-27 14:11,HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options,sethc.exe,enabled,Image Hijacks,(Verified) Microsoft Windows,c:\\windows\\system32\\cmd.exe,C:\\Windows\\System32\\cmd.exe
2021-02-15 09:40,WMI Database Entries,SCM Event Log Consumer,enabled,WMI,,,NTEventLogEventConsumer: SCM Event Log Filter
2025-05-27 14:08,WMI Database Entries,PerfCounterSync,enabled,WMI,(Not verified),c:\\programdata\\microsoft\\crypto\\rsa\\wdhelper.exe,C:\\ProgramData\\Microsoft\\Crypto\\RSA\\wdhelper.exe
\`\`\`

1. Match each attacker mechanism from the previous stage to its Autoruns row.
2. Find the entry the Sysmon trail **never showed**: what is it, what does it give the attacker (think about the Windows logon screen and RDP), and why did the SIEM not see it?
3. Explain why you are **not** worried about \`OneDrive\`, \`ZDesignerSvc\` and \`SCM Event Log Consumer\`, and why "signed by Microsoft" did not make the USO_Refresh task safe.

**Hand in:** the name of the entry that is missing from the Sysmon trail in the answer box; your annotated triage (the CSV with a verdict column, or a text table) as an evidence file; in notes, what that entry does and why the logs missed it.`,
      required_skills: ["forensics", "threat-hunting"],
      evidence: {
        required: true,
        min_files: 1,
        max_files: 3,
        kinds: ["csv", "text", "image", "pdf"],
        description: "The Autoruns export (or the trimmed rows) with your verdict for each entry: attacker, legitimate, or needs checking.",
      },
      notes_min_chars: 40,
      weight: 2,
      answer: {
        kind: "regex",
        pattern: "\\bsethc(\\.exe)?\\b",
        explanation:
          "The Image File Execution Options Debugger value on sethc.exe (set at 14:11, inside the WEF gap) makes Windows start cmd.exe instead of Sticky Keys: pressing Shift five times at the logon screen (or over RDP where Network Level Authentication is off) gives a SYSTEM shell without a password (T1546.008; also described under T1546.012).",
      },
      answer_prompt: "Autoruns entry that the Sysmon trail never showed",
      recipes: ["windows-persistence-hunting", "threat-hunt-hypothesis"],
      hints: [
        { text: "Compare the timestamps of the Autoruns rows with the hole in the Sysmon export (14:09:02–14:15:40).", penalty: 2 },
        {
          text: "An `Image Hijacks` row means an Image File Execution Options `Debugger` value: when Windows is asked to start that program, it starts the debugger instead. Which program can you start from the logon screen without logging on?",
          penalty: 5,
        },
        { text: "It is the `sethc.exe` entry: Sticky Keys replaced by `cmd.exe`, which runs as SYSTEM at the logon screen.", penalty: 10 },
      ],
    },
    {
      key: "clean-verify",
      title: "Cleaning in place: prove it is gone",
      instructions: `You chose to clean the laptop in place. You now own the proof that nothing is left — and the residual risk if something is.

1. Write the **removal commands**, in order, for all five mechanisms (Run value, scheduled task, service, the WMI filter, consumer **and** binding in \`root\\subscription\`, and the IFEO value), and for the two dropped binaries. Quarantine copies of the binaries first, with their SHA-256, for the CERT and your YARA colleagues.
2. For each one, write the **verification**: the command whose output proves it is gone (for example \`Get-CimInstance -Namespace root/subscription -ClassName __EventFilter\`), and re-run Autoruns.
3. State the **residual risk** honestly: the implant was interactive for fifteen minutes, six of them unlogged, and it read LSASS. What could still be there that neither Sysmon nor Autoruns would show you?

**Hand in:** the name of the WMI class that links a filter to a consumer in the answer box; the removal and verification commands and your residual-risk statement in notes.`,
      required_skills: ["incident-response", "forensics"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "pdf"] },
      notes_min_chars: 40,
      weight: 1,
      answer: {
        kind: "exact",
        value: "__FilterToConsumerBinding",
        explanation: "A WMI event subscription is three objects in root\\subscription: __EventFilter, the consumer (here a CommandLineEventConsumer) and the __FilterToConsumerBinding that joins them. Remove all three.",
      },
      answer_prompt: "WMI class that binds a filter to a consumer",
      recipes: ["windows-persistence-hunting", "contain-host-and-account"],
      hints: [
        {
          text: "`Get-CimInstance -Namespace root/subscription -ClassName __FilterToConsumerBinding` lists the bindings; pipe the ones you want to `Remove-CimInstance`, then do the same for the consumer and the filter.",
          penalty: 3,
        },
        {
          text: "Residual risk examples: credentials taken from LSASS (cleaning a host does not un-steal a password), persistence in places Autoruns does not enumerate or the attacker tampered with, and whatever happened in the unlogged six minutes.",
          penalty: 6,
        },
      ],
      next: "detect",
    },
    {
      key: "detect",
      title: "Write the detection that should have fired",
      instructions: `No SIEM rule fired on any of the persistence. The detection engineering lead asks you for a rule for the stealthiest of the mechanisms: the **WMI event subscription** with a command-line consumer.

1. Write a **Sigma rule** on the Sysmon WMI events (\`logsource: product: windows, category: wmi_event\`) that fires when a command-line consumer is **created**. Include \`title\`, \`id\`, \`status\`, \`description\`, \`references\`, \`tags\` (\`attack.persistence\`, \`attack.t1546.003\`), \`logsource\`, \`detection\`, \`falsepositives\` and \`level\`.
2. **Test it**: in a lab VM with the same Sysmon configuration, run Atomic Red Team test T1546.003 ("Persistence via WMI Event Subscription – CommandLineEventConsumer"), confirm the rule fires, then run the test's cleanup. Note what else in your estate legitimately creates consumers (hardware-vendor and management agents do) and how you would exclude them by name **and** destination, never by name alone.
3. Name one more high-value rule from this case you would write next (for example a scheduled task created with \`/ru SYSTEM\` and an encoded PowerShell action, or any write to an IFEO \`Debugger\` value).

**Hand in:** the Sysmon event ID your rule matches in the answer box; the rule as a \`.yml\` or text file (required); the test result and tuning notes in your notes.`,
      required_skills: ["sigma", "detection-engineering"],
      evidence: {
        required: true,
        min_files: 1,
        max_files: 3,
        kinds: ["text", "image", "pdf"],
        description: "The Sigma rule file, plus optionally a screenshot of it firing on the Atomic Red Team test.",
      },
      notes_min_chars: 40,
      weight: 2,
      answer: {
        kind: "exact",
        value: "20",
        explanation: "Sysmon event 20 (WmiEventConsumer) carries Operation, Name, Type (\"Command Line\" or \"Script\") and Destination; 19 is the filter and 21 the binding.",
      },
      answer_prompt: "Sysmon event ID your rule matches",
      recipes: ["sigma-rule-from-log", "detection-test-with-atomic-red-team"],
      hints: [
        { text: "Sysmon splits a WMI subscription across events 19 (filter), 20 (consumer) and 21 (binding). The consumer event is the one that says what will run.", penalty: 2 },
        {
          text: "A minimal selection: `EventID: 20`, `Operation: Created`, `Type: Command Line`. `SCM Event Log Consumer` is an NTEventLogEventConsumer, so it does not match `Type: Command Line`.",
          penalty: 5,
        },
      ],
    },
    {
      key: "handover",
      title: "Hand over to the desktop team and incident response",
      instructions: `Write the handover note that goes to the desktop team lead and the incident response (IR) lead before 08:00. It must stand on its own.

- **Summary** — what happened, in three sentences a non-specialist can read.
- **Persistence found** — all five mechanisms, with the evidence source for each (Sysmon, Autoruns).
- **Decision on the laptop** — what will happen to FPG-WS-0114 and why, and what Jess uses in the meantime.
- **Credentials to treat as stolen** — LSASS was read: whose secrets were in memory on this laptop (Jess's domain account, any admin who logged on interactively or over RDP, the local administrator password)? Say what to reset or rotate, and that Jess's cloud sessions must be revoked too.
- **Gaps** — Jess's local admin rights; the WEF gap that hid the IFEO change; no alert on any persistence.
- **Asks** — what you need IR and the desktop team to decide or do, with owners.

**Hand in:** the handover note in your notes (attach it as a file if you drafted it elsewhere).`,
      required_skills: ["communication", "incident-response"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "pdf"] },
      notes_min_chars: 40,
      weight: 1,
      recipes: ["ir-escalation-ticket", "contain-host-and-account"],
      hints: [
        { text: "Lead with the fact that changes decisions: the attacker read LSASS and left a SYSTEM shell behind the logon screen.", penalty: 2 },
        {
          text: "Find out who else logged on to FPG-WS-0114 recently (Security events 4624 with logon types 2, 10 and 11 on the host, or your EDR's logon history): their credentials may have been in LSASS too.",
          penalty: 5,
        },
      ],
      next: "end",
    },
  ],
  decisions: [
    {
      key: "trust-the-host",
      after_stage: "autoruns",
      prompt:
        "You have found five persistence mechanisms, four of them running as SYSTEM, and LSASS was read. The desktop team wants the laptop back with Jess at 08:00 on the day before the payment run. What happens to FPG-WS-0114?",
      choices: [
        {
          id: "collect-then-rebuild",
          label: "Keep it isolated, collect a triage image (memory and key artefacts), then rebuild it from the standard image; Jess gets a loan laptop",
          consequence:
            "IR agrees. The memory capture shows the implant's injected thread in a second process the EDR had not flagged — which the rebuild removes anyway. Jess is working on a loan laptop by 08:30 and the evidence is kept for the insurer.",
          next_stage: "detect",
          score_delta: 10,
          ideal: true,
          rationale:
            "An attacker who ran as SYSTEM on a host can have changed anything, including things no tool enumerates; only a rebuild from a known-good image restores trust. Collecting memory and artefacts first keeps the answers to \"what did they take?\" — which matters here because LSASS was read — and costs an hour, not a day.",
        },
        {
          id: "rebuild-now",
          label: "Wipe and rebuild it straight away, no collection",
          consequence:
            "The laptop is clean by 08:00. A week later the insurer asks which credentials were exposed and whether anything left the network during the unlogged six minutes. Nobody can answer from evidence.",
          next_stage: "detect",
          score_delta: -5,
        },
        {
          id: "clean-in-place",
          label: "Remove the five mechanisms, run a full EDR scan and give it back",
          consequence: "The desktop team is pleased. You now have to prove the host is clean — and live with what you cannot prove.",
          next_stage: "clean-verify",
          score_delta: -10,
        },
      ],
    },
  ],
  rubric: [
    {
      key: "trail-reading",
      stage: "trail",
      title: "Reading the Sysmon trail",
      weight: 2,
      skills: ["log-analysis", "mitre-attack"],
      levels: [
        { points: 0, label: "Missing", descriptor: "Fewer than three mechanisms found, or the UAC bypass counted as persistence." },
        { points: 1, label: "Partial", descriptor: "Three or four mechanisms found but without who they run as or when they fire; ATT&CK mapping incomplete." },
        { points: 2, label: "Competent", descriptor: "All four mechanisms with location, launch, account and trigger; correct ATT&CK IDs; the fodhelper activity explained as a UAC bypass." },
        { points: 3, label: "Strong", descriptor: "As competent, and the learner reads the WMI uptime condition (fires 4–5 minutes after boot) and spots the masquerading names (USO_Refresh, WdHelperSvc, OneDrive Update)." },
      ],
    },
    {
      key: "autoruns-triage",
      stage: "autoruns",
      title: "Live-host cross-check",
      weight: 2,
      skills: ["forensics", "threat-hunting"],
      levels: [
        { points: 0, label: "Missing", descriptor: "The sethc.exe image hijack is not found, or legitimate entries are flagged as malicious without reasoning." },
        { points: 1, label: "Partial", descriptor: "sethc.exe found but its effect (SYSTEM shell at the logon screen) or the reason the logs missed it is not explained." },
        { points: 2, label: "Competent", descriptor: "Every row has a verdict; sethc.exe explained with the WEF gap; the benign entries dismissed for good reasons." },
        { points: 3, label: "Strong", descriptor: "As competent, and the learner explains why Microsoft-signed launch targets (powershell.exe, cmd.exe) prove nothing and why -m would have hidden the hijack." },
      ],
    },
    {
      key: "cleanup-proof",
      stage: "clean-verify",
      title: "Cleanup and verification",
      weight: 1,
      skills: ["incident-response"],
      levels: [
        { points: 0, label: "Missing", descriptor: "No removal commands, or the WMI binding or IFEO value is left behind." },
        { points: 1, label: "Partial", descriptor: "All mechanisms removed but without verification or without preserving the binaries first." },
        { points: 2, label: "Competent", descriptor: "Ordered removal of all five mechanisms and both binaries, each with a verification command." },
        { points: 3, label: "Strong", descriptor: "As competent, with an honest residual-risk statement that names stolen credentials and the unlogged window." },
      ],
    },
    {
      key: "detection-rule",
      stage: "detect",
      title: "Sigma rule and test",
      weight: 2,
      skills: ["sigma", "detection-engineering"],
      levels: [
        { points: 0, label: "Missing", descriptor: "No rule, or a rule that cannot match Sysmon event 20." },
        { points: 1, label: "Partial", descriptor: "A rule that matches but is untested or would fire on every WMI event." },
        { points: 2, label: "Competent", descriptor: "Valid Sigma on event 20, Operation Created, Type Command Line, with ATT&CK tags; tested with the atomic and cleaned up." },
        { points: 3, label: "Strong", descriptor: "As competent, with a tuning approach (name and destination) for legitimate consumers and a well-chosen second rule." },
      ],
    },
    {
      key: "handover-note",
      stage: "handover",
      title: "Handover note",
      weight: 1,
      skills: ["communication", "incident-response"],
      levels: [
        { points: 0, label: "Missing", descriptor: "No note, or a note that does not mention the LSASS access." },
        { points: 1, label: "Partial", descriptor: "Findings listed but no credential resets or no owners for the asks." },
        { points: 2, label: "Competent", descriptor: "All headings, the five mechanisms with sources, the laptop decision and the credentials to reset." },
        { points: 3, label: "Strong", descriptor: "As competent, and the gaps (local admin, WEF gap, missing detections) become owned follow-ups." },
      ],
    },
    {
      key: "judgement",
      stage: null,
      title: "Judgement about trust",
      weight: 1,
      skills: ["incident-response"],
      levels: [
        { points: 0, label: "Weak", descriptor: "Accepts the EDR verdict, or the decision about the laptop is not explained." },
        { points: 1, label: "Developing", descriptor: "The decision is explained but ignores the evidence and credential questions." },
        { points: 2, label: "Sound", descriptor: "The decision weighs trust in the host, evidence needs and the business deadline." },
        { points: 3, label: "Expert", descriptor: "As sound, and the reflection proposes a process change (a persistence check before any host returns to its user)." },
      ],
    },
  ],
};

export default mission;
