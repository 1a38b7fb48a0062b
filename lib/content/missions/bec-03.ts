import type { MissionInput } from "../schemas";
import { rubric } from "./bec-03-rubric";

// Defender / advanced: sign-ins → footholds → [evict | reset only → still inside | watch → evict] → tenant scope → brief.
const mission: MissionInput = {
  code: "BEC-03",
  title: "The supplier who never changed banks",
  track: "defender",
  tier: "advanced",
  summary:
    "An adversary-in-the-middle phish gave an attacker a procurement manager's Microsoft 365 session, and a fake bank-change letter nearly diverted £184,600. Prove how MFA was bypassed, find every foothold, evict the attacker completely, scope the tenant and brief finance and the DPO.",
  story: `**Halloran Building Supplies** (900 staff, 31 branches, halloran-supplies.test) is a builders' merchant that pays its timber and aggregate suppliers in a weekly payment run every **Friday at 10:00**. It runs Microsoft 365 E5: Entra ID sign-in and audit logs, the unified audit log and Microsoft Sentinel.

On **Thursday 13 March** at 11:00, Grace in accounts payable follows the callback procedure for a bank-detail change: an email from **Tomasz Wilk**, procurement manager, forwarded a letter from **Brennan Timber Ltd** giving new bank details for their March remittance of **£184,600**. Grace calls Brennan on the number in the supplier master file. Brennan never sent the letter. Tomasz never forwarded it — he has been at the Hull yard since Tuesday lunchtime, reading mail only on his phone.

Every Halloran user has MFA with Microsoft Authenticator push. Tomasz insists he approved "only the normal prompt" on Tuesday morning, when he opened a shared "Q1 rebate statement" from a supplier.

You are the **senior incident responder** in Halloran's security team. The payment run is in 23 hours. Finance needs to know whether other payments are at risk, the data protection officer needs to know whether personal data was exposed, and the attacker may still be inside.`,
  objectives: [
    "Show from the sign-in logs how the attacker obtained and replayed Tomasz's session despite MFA",
    "Find every foothold the attacker created in the mailbox and the identity",
    "Evict the attacker completely, in an order that does not let them back in",
    "Scope the compromise across the tenant and separate compromised accounts from exposed ones",
    "Brief finance and the data protection officer on payments, suppliers and notification duties",
  ],
  estimated_minutes: 180,
  skills: ["identity-security", "cloud-security", "log-analysis", "phishing-analysis", "incident-response", "threat-hunting", "communication"],
  time_constraint_hours: null,
  auto_submit_on_deadline: false,
  reflection_required: true,
  reflection_prompt:
    "Halloran had MFA on every account and still lost a session. What does that change about how you describe MFA to the business, which controls would have stopped each step of this attack, and which would you fund first?",
  success_criteria: {
    min_score: 65,
    required_stages: ["signins", "footholds", "scope", "brief"],
    items: [
      "The token replay is proven by the shared session ID, not by geography alone",
      "All four footholds are found: the stolen session, the inbox rule, the attacker's Authenticator registration and the OAuth consent",
      "The eviction removes every foothold, not only the password",
      "Compromised accounts are told apart from accounts whose password was merely exposed",
    ],
  },
  status: "published",
  stages: [
    {
      key: "signins",
      title: "How did they get past MFA?",
      instructions: `Export of Entra ID sign-in logs for \`t.wilk@halloran-supplies.test\`, Tuesday 11 March (UTC; interactive and non-interactive merged; session IDs shortened):

\`\`\`
time      type   app                         ip              location       device / browser                 compliant  auth requirement  auth details                                      result   session
07:52:40  inter  OfficeHome                  198.51.100.23   Leeds, GB      Windows 10 · Edge 122 (HWS-0388) yes        multiFactor       Previously satisfied                              success  5d0c…41f2
08:41:55  inter  OfficeHome                  203.0.113.114   Amsterdam, NL  Windows 10 · Edge 122 (none)     no         multiFactor       Mobile app notification — MFA completed           success  9b27…e1c3
08:44:03  non-i  Office 365 Exchange Online  192.0.2.77      Ashburn, US    Linux · Firefox 115 (none)       no         multiFactor       MFA requirement satisfied by claim in the token   success  9b27…e1c3
08:55:00  non-i  Office 365 Exchange Online  192.0.2.77      Ashburn, US    Linux · Firefox 115 (none)       no         multiFactor       MFA requirement satisfied by claim in the token   success  9b27…e1c3
09:30:12  inter  OfficeHome                  198.51.100.23   Leeds, GB      Windows 10 · Edge 122 (HWS-0388) yes        multiFactor       Previously satisfied                              success  5d0c…41f2
10:04:47  non-i  My Signins                  192.0.2.77      Ashburn, US    Linux · Firefox 115 (none)       no         multiFactor       MFA requirement satisfied by claim in the token   success  9b27…e1c3
\`\`\`

Conditional Access: the policy *"Require compliant device — Office 365"* excludes the group **CA-Exclude-Yard-Travel**, of which Tomasz is a member. The phishing email's button pointed to \`hxxps://rebates-halloran[.]docshare-portal[.]test/q1\`.

1. Explain what happened at 08:41:55: who was really talking to Entra ID from 203.0.113.114, and why Tomasz's genuine push approval completed MFA for someone else.
2. Prove that 192.0.2.77 is using the session created at 08:41:55 — which field proves it, and why is it stronger evidence than the change of country?
3. Explain why the "compliant" column mattered, and why it did not save Tomasz.

**Hand in:** the IP address the attacker used to **replay** the stolen session in the answer box; in notes, the attack in four or five sentences (adversary-in-the-middle proxy, captured session cookie, replay) with the rows that prove each step.`,
      required_skills: ["identity-security", "log-analysis", "phishing-analysis"],
      evidence: { required: false, min_files: 0, max_files: 3, kinds: ["text", "csv", "image"] },
      notes_min_chars: 60,
      weight: 2,
      answer: {
        kind: "exact",
        value: "192.0.2.77",
        explanation:
          "203.0.113.114 is the adversary-in-the-middle proxy that relayed Tomasz's own sign-in and MFA and captured the session cookie; 192.0.2.77 replayed that session (same session ID 9b27…e1c3, \"MFA requirement satisfied by claim in the token\").",
      },
      answer_prompt: "IP address that replayed the stolen session",
      recipes: ["m365-bec-investigation", "email-header-analysis"],
      hints: [
        {
          text: "An adversary-in-the-middle (AiTM) phishing kit is a reverse proxy: the victim types their password and approves the push on the real Microsoft page, relayed through the attacker's server, which keeps the session cookie that comes back.",
          penalty: 3,
        },
        {
          text: "Sort by session ID rather than by IP. A replayed cookie carries the original session, so Entra ID logs the MFA as \"satisfied by claim in the token\" — no new prompt.",
          penalty: 6,
        },
        { text: "The proxy is 203.0.113.114; the replay comes from the address of the Linux/Firefox rows.", penalty: 12 },
      ],
    },
    {
      key: "footholds",
      title: "Find every foothold",
      instructions: `Unified audit log and Entra ID audit log entries for Tomasz, 11–12 March (UTC, trimmed):

\`\`\`json
{"CreationTime":"2025-03-11T08:55:02","Workload":"Exchange","Operation":"New-InboxRule","UserId":"t.wilk@halloran-supplies.test","ClientIP":"192.0.2.77",
 "Parameters":[{"Name":"Name","Value":".."},{"Name":"SubjectOrBodyContainsWords","Value":"Brennan;remittance;bank;payment"},
               {"Name":"MoveToFolder","Value":"RSS Feeds"},{"Name":"MarkAsRead","Value":"True"},{"Name":"StopProcessingRules","Value":"True"}]}
{"CreationTime":"2025-03-11T09:02:47","Workload":"Exchange","Operation":"MailItemsAccessed","UserId":"t.wilk@halloran-supplies.test",
 "ClientIPAddress":"192.0.2.77","MailAccessType":"Bind","OperationCount":212}
{"CreationTime":"2025-03-11T09:41:10","Workload":"Exchange","Operation":"Set-MailboxAutoReplyConfiguration","UserId":"t.wilk@halloran-supplies.test","ClientIP":"198.51.100.23"}
{"CreationTime":"2025-03-11T10:05:19","Workload":"AzureActiveDirectory","Operation":"User registered security info.","ObjectId":"t.wilk@halloran-supplies.test",
 "ActorIpAddress":"192.0.2.77","AdditionalDetails":"User registered Authenticator App with Notification and Code (device: Pixel 7)"}
{"CreationTime":"2025-03-11T10:12:44","Workload":"AzureActiveDirectory","Operation":"Consent to application.","UserId":"t.wilk@halloran-supplies.test","ActorIpAddress":"192.0.2.77",
 "Target":"MailSafe Archive","ModifiedProperties":[{"Name":"ConsentContext.IsAdminConsent","NewValue":"False"},
   {"Name":"ConsentAction.Permissions","NewValue":"Scope: Mail.ReadWrite Mail.Send offline_access User.Read"},
   {"Name":"TargetId.ServicePrincipalNames","NewValue":"b6e2d4a1-7c3f-4e8b-9a15-2f0c8d6e3b47"}]}
{"CreationTime":"2025-03-12T09:14:08","Workload":"Exchange","Operation":"Send","UserId":"t.wilk@halloran-supplies.test","ClientIP":"192.0.2.77",
 "Item":{"Subject":"FW: Brennan Timber Ltd - updated bank details for March remittance","Recipients":"ap@halloran-supplies.test","Attachments":"Brennan_bank_change.pdf"}}
{"CreationTime":"2025-03-12T09:14:31","Workload":"Exchange","Operation":"SoftDelete","UserId":"t.wilk@halloran-supplies.test","ClientIP":"192.0.2.77",
 "Folder":"\\\\Sent Items","Subject":"FW: Brennan Timber Ltd - updated bank details for March remittance"}
\`\`\`

1. For each attacker entry, say what it gives the attacker: **visibility**, **stealth**, **re-entry** or **action on objective**. Which entry is the legitimate user, and how do you know?
2. Explain why the inbox rule matters to the fraud (what happens when Brennan's real accounts team replies, or when AP asks a question?).
3. Explain the two entries that would let the attacker **back in after a password reset**, and how each one works.

**Hand in:** the application (client) ID of the app Tomasz "consented" to, so you can search the tenant for it, in the answer box; in notes, a table of footholds (time, what, how it helps the attacker, how to remove it).`,
      required_skills: ["identity-security", "cloud-security", "log-analysis"],
      evidence: {
        required: true,
        min_files: 1,
        max_files: 3,
        kinds: ["text", "csv", "json", "pdf"],
        description: "Your foothold table, or the audit-log search you ran with its results.",
      },
      notes_min_chars: 60,
      weight: 3,
      answer: {
        kind: "exact",
        value: "b6e2d4a1-7c3f-4e8b-9a15-2f0c8d6e3b47",
        explanation:
          "TargetId.ServicePrincipalNames of the consent event holds the app ID of \"MailSafe Archive\": a delegated grant of Mail.ReadWrite, Mail.Send and offline_access gives the app its own refresh tokens for Tomasz's mailbox.",
      },
      answer_prompt: "Application (client) ID of the consented app",
      recipes: ["m365-bec-investigation", "jq-json-log-triage"],
      hints: [
        {
          text: "The auto-reply was set from 198.51.100.23, Halloran's Leeds head-office address, where Tomasz worked on Tuesday morning before leaving for Hull: that is Tomasz. Everything from 192.0.2.77 is the attacker.",
          penalty: 3,
        },
        {
          text: "Re-entry: an Authenticator app registered on the attacker's phone satisfies MFA (and possibly self-service password reset); an OAuth app with offline_access holds its own refresh token. Neither depends on Tomasz's password.",
          penalty: 6,
        },
        { text: "The app ID is the GUID in `TargetId.ServicePrincipalNames`.", penalty: 10 },
      ],
    },
    {
      key: "evict",
      title: "Evict the attacker",
      instructions: `Write the **eviction runbook** for Tomasz's account and execute it in order. Each step needs the action, the command or console path, who runs it and how you verify it worked.

Consider at least:

- blocking sign-in first, so the attacker cannot race you (\`Update-MgUser -UserId t.wilk@halloran-supplies.test -AccountEnabled:$false\`);
- revoking every refresh token and session cookie;
- resetting the password (to a value delivered out of band);
- removing the attacker's Authenticator registration (\`Get-MgUserAuthenticationMethod\`, then the matching \`Remove-MgUserAuthentication…Method\` cmdlet) and re-registering Tomasz with a Temporary Access Pass;
- removing the inbox rule (\`Get-InboxRule -Mailbox t.wilk@halloran-supplies.test -IncludeHidden\`), and checking forwarding and delegates;
- removing the OAuth grant and disabling the app's service principal tenant-wide;
- blocking 203.0.113.114 and 192.0.2.77 in Conditional Access (and why that is the weakest step);
- re-enabling the account once everything is verified.

Remember that access tokens already issued stay valid until they expire (around an hour) unless the service supports continuous access evaluation; Exchange Online and SharePoint do.

**Hand in:** the command (or Graph API action) that revokes all of Tomasz's refresh tokens and sessions in the answer box; the ordered runbook with verification in notes.`,
      required_skills: ["incident-response", "identity-security"],
      evidence: { required: false, min_files: 0, max_files: 3, kinds: ["text", "pdf", "image"] },
      notes_min_chars: 60,
      weight: 2,
      answer: {
        kind: "regex",
        pattern: "revoke-?mgusersigninsession|revokesigninsessions|revoke-azureaduserallrefreshtoken",
        explanation:
          "Revoke-MgUserSignInSession (Graph: POST /users/{id}/revokeSignInSessions) invalidates every refresh token and session cookie issued to the user, including the ones held by apps. Revoke-AzureADUserAllRefreshToken is the equivalent in the deprecated AzureAD module.",
      },
      answer_prompt: "Command that revokes the user's refresh tokens and sessions",
      recipes: ["m365-bec-investigation", "contain-host-and-account"],
      hints: [
        { text: "Order matters: block sign-in, then revoke, then reset, then remove the footholds, then re-enable. Otherwise the attacker's registered Authenticator can win the race.", penalty: 3 },
        { text: "In Microsoft Graph PowerShell the cmdlet is `Revoke-MgUserSignInSession -UserId <upn>`.", penalty: 6 },
      ],
      next: "scope",
    },
    {
      key: "still-inside",
      title: "Two hours later: still inside",
      instructions: `You reset Tomasz's password at 12:02 and closed the ticket. At 14:20 the unified audit log shows:

\`\`\`json
{"CreationTime":"2025-03-13T13:47:09","Workload":"AzureActiveDirectory","Operation":"Reset password (self-service)","ObjectId":"t.wilk@halloran-supplies.test",
 "ActorIpAddress":"192.0.2.77","ResultStatus":"Success","AdditionalDetails":"Verification methods: Authenticator app notification"}
{"CreationTime":"2025-03-13T14:02:55","Workload":"Exchange","Operation":"MailItemsAccessed","UserId":"t.wilk@halloran-supplies.test",
 "ClientIPAddress":"192.0.2.77","ClientAppId":"b6e2d4a1-7c3f-4e8b-9a15-2f0c8d6e3b47","MailAccessType":"Sync","OperationCount":1}
{"CreationTime":"2025-03-13T14:11:30","Workload":"Exchange","Operation":"Send","UserId":"t.wilk@halloran-supplies.test","ClientIP":"192.0.2.77",
 "Item":{"Subject":"RE: Brennan Timber Ltd - bank details","Recipients":"ap@halloran-supplies.test"}}
\`\`\`

1. Explain each entry: how did the attacker get back in **after** your reset, and which foothold let the app keep reading mail without any password?
2. Note that Halloran's self-service password reset requires only **one** verification method. What does that mean for the Authenticator the attacker registered?
3. Write the complete eviction runbook you should have run (block sign-in, revoke sessions, reset, remove the Authenticator registration, remove the grant and disable the app, remove the rule, re-register with a Temporary Access Pass, re-enable), with verification for each step.
4. Tell AP: the 14:11 "RE: bank details" email is the attacker, not Tomasz.

**Hand in:** the corrected runbook and your explanation in notes.`,
      required_skills: ["incident-response", "identity-security"],
      evidence: { required: false, min_files: 0, max_files: 3, kinds: ["text", "pdf"] },
      notes_min_chars: 60,
      weight: 2,
      recipes: ["m365-bec-investigation", "contain-host-and-account"],
      hints: [
        {
          text: "A password reset revokes sessions that depend on the password, but a confidential client app keeps its refresh token, and a registered MFA method still verifies the person holding the phone.",
          penalty: 4,
        },
        { text: "With one-method SSPR, the attacker's Authenticator is enough to reset Tomasz's password to one they choose.", penalty: 8 },
      ],
      next: "scope",
    },
    {
      key: "scope",
      title: "Who else?",
      instructions: `The phishing email ("Q1 rebate statement") reached 23 mailboxes. You run this hunt in Microsoft Sentinel:

\`\`\`kql
union SigninLogs, AADNonInteractiveUserSignInLogs
| where TimeGenerated between (datetime(2025-03-10) .. datetime(2025-03-14))
| where IPAddress in ("203.0.113.114", "192.0.2.77")
| summarize First = min(TimeGenerated), Last = max(TimeGenerated), Results = make_set(ResultType) by UserPrincipalName, IPAddress
\`\`\`

\`\`\`
UserPrincipalName                   IPAddress       First                Last                 Results
t.wilk@halloran-supplies.test       203.0.113.114   2025-03-11 08:41:55  2025-03-11 08:41:55  ["0"]
t.wilk@halloran-supplies.test       192.0.2.77      2025-03-11 08:44:03  2025-03-13 09:58:21  ["0"]
m.costa@halloran-supplies.test      203.0.113.114   2025-03-12 07:12:40  2025-03-12 07:12:40  ["0"]
m.costa@halloran-supplies.test      192.0.2.77      2025-03-12 07:15:02  2025-03-13 08:40:11  ["0"]
r.singh@halloran-supplies.test      203.0.113.114   2025-03-11 13:05:33  2025-03-11 13:05:33  ["53000"]
\`\`\`

A second query shows no other user consented to app \`b6e2d4a1-7c3f-4e8b-9a15-2f0c8d6e3b47\`. Marta Costa is the Hull yard manager (also in **CA-Exclude-Yard-Travel**); Ravi Singh is a credit controller at head office.

1. Classify each account: **session compromised**, **password exposed but no session**, or **not affected**. Result 53000 means a Conditional Access policy required a compliant device — at what point in the sign-in did that happen, and what had Ravi already typed into the proxy?
2. Say what each classification needs (full eviction, password reset and method review, or nothing) and what you check in Marta's mailbox.
3. Name two hunts you would add (for example, inbox rules created from unfamiliar IPs in the last 30 days; other payments whose bank details changed this month).

**Hand in:** the accounts whose **session** was compromised, as full UPNs, comma-separated, in the answer box; the classification, actions and the query you ran (with results) as an evidence file.`,
      required_skills: ["threat-hunting", "log-analysis", "identity-security"],
      evidence: {
        required: true,
        min_files: 1,
        max_files: 3,
        kinds: ["text", "csv", "image", "pdf"],
        description: "The hunt query and its results, with your classification of each account.",
      },
      notes_min_chars: 40,
      weight: 2,
      answer: {
        kind: "set",
        values: ["t.wilk@halloran-supplies.test", "m.costa@halloran-supplies.test"],
        min_matches: 2,
        explanation:
          "Tomasz and Marta both signed in successfully through the proxy and were replayed from 192.0.2.77. Ravi's sign-in failed Conditional Access (53000) after the proxy had already captured his password: reset it and review his methods, but no session was stolen.",
      },
      answer_prompt: "UPNs whose session was compromised, comma-separated",
      recipes: ["m365-bec-investigation", "threat-hunt-hypothesis"],
      hints: [
        { text: "ResultType 0 is success. Conditional Access is evaluated after the user has authenticated, so a 53000 failure still means the password reached the proxy.", penalty: 3 },
        { text: "Two accounts have successful replays from 192.0.2.77.", penalty: 6 },
      ],
    },
    {
      key: "brief",
      title: "Brief finance and the DPO",
      instructions: `At 17:00 you brief the finance director, the head of procurement and the data protection officer (DPO). Write a **one-page incident brief** with:

1. **What happened** — in plain words, with the timeline (phish, session theft, rule, fake letter, detection by the callback).
2. **Money** — hold the Brennan change; check every bank-detail change and every payment approved by Tomasz or Marta since 11 March; ask the bank about any payment already made to the new account (recall and fraud report); tell Brennan Timber, because the attacker has read their threads and may target them or other customers.
3. **Personal data** — the attacker read at least 212 items in Tomasz's mailbox and had Marta's: supplier contacts, possibly staff or customer personal data. The DPO must decide within **72 hours of becoming aware** whether this is a notifiable personal data breach (UK GDPR Art. 33); give them what they need to decide.
4. **Fixes, with owners** — phishing-resistant MFA (FIDO2 security keys or passkeys) for finance and procurement; remove or time-limit the CA-Exclude-Yard-Travel exclusion; restrict user consent to verified publishers with admin approval; alert on new inbox rules and MFA registrations from unfamiliar IPs; keep the callback procedure — it worked.

**Hand in:** the brief in your notes or as an attached file.`,
      required_skills: ["communication", "incident-response"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "pdf"] },
      notes_min_chars: 60,
      weight: 2,
      recipes: ["incident-situation-report", "breach-notification-clock"],
      hints: [
        { text: "Lead with the decision finance must take today: the Brennan change is fraudulent and must not be paid; other changes need a callback before 10:00 tomorrow.", penalty: 3 },
        { text: "Give the DPO facts, not a conclusion: which mailboxes, what kinds of data, for how long, and whether the attacker could have copied it.", penalty: 6 },
      ],
      next: "end",
    },
  ],
  decisions: [
    {
      key: "how-to-evict",
      after_stage: "footholds",
      prompt:
        "You know the attacker holds a replayed session, an inbox rule, an Authenticator registered on their phone and an OAuth app with offline access. It is 11:50 on Thursday. What do you do with Tomasz's account now?",
      choices: [
        {
          id: "evict-everything",
          label: "Block sign-in and remove every foothold now, in order, then re-enable Tomasz with a Temporary Access Pass",
          consequence:
            "Tomasz is locked out for forty minutes and grumbles from the yard. At 12:40 his account is back with a new password and his own Authenticator; the attacker's app is disabled tenant-wide and the rule is gone.",
          next_stage: "evict",
          score_delta: 10,
          ideal: true,
          rationale:
            "The attacker is actively committing fraud and has two footholds that survive a password change. Blocking sign-in first removes the race, and removing every foothold in one change window is the only way to know they are out. Observation buys nothing here that outweighs another fraudulent email.",
        },
        {
          id: "reset-password",
          label: "Reset Tomasz's password now and close the ticket; the rest can wait for next week's clean-up",
          consequence: "It is quick, and the ticket is closed by 12:05. The audit log tells a different story by mid-afternoon.",
          next_stage: "still-inside",
          score_delta: -10,
        },
        {
          id: "watch-24h",
          label: "Leave the account live for 24 hours to learn which other suppliers the attacker targets",
          consequence:
            "Overnight the attacker sends \"updated bank details\" from Tomasz's mailbox to four of Halloran's own customers, one of whom pays £12,300 into the attacker's account on Friday morning. You then evict.",
          next_stage: "evict",
          score_delta: -15,
        },
      ],
    },
  ],
  rubric,
};

export default mission;
