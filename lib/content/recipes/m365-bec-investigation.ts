import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "m365-bec-investigation",
  title: "Investigate and evict a Microsoft 365 mailbox compromise",
  summary:
    "Trace a business email compromise in Microsoft 365: link sign-ins by session ID to spot token replay, list inbox rules, MFA registrations and OAuth consents, evict in an order that leaves no way back, and hunt the rest of the tenant.",
  description:
    "Adversary-in-the-middle phishing steals a session after MFA, so \"MFA was on\" does not close the question. Attackers then add footholds that survive a password reset. This recipe finds each one in the Entra ID and unified audit logs and removes them in the right order.",
  type: "technical",
  difficulty: "advanced",
  estimated_minutes: 50,
  skills: ["identity-security", "cloud-security", "incident-response", "log-analysis"],
  tools: ["Microsoft Graph PowerShell", "Exchange Online PowerShell", "Microsoft Sentinel or Defender advanced hunting (KQL)"],
  prerequisites: ["jq-json-log-triage"],
  inputs: ["The user principal name of the suspected account", "The time window from the first suspicious email or sign-in"],
  environment: "Microsoft 365 tenant with Entra ID sign-in logs (interactive and non-interactive) and the unified audit log. Needs Security Reader to investigate and a privileged role to evict.",
  steps: [
    {
      title: "Link sign-ins by session, not by country",
      body:
        "Pull interactive and non-interactive sign-ins together. A stolen session shows as the same session ID used from a new IP, device and browser, with MFA \"satisfied by claim in the token\". The first sign-in of that session (often from a hosting provider, from an unregistered device) is the phishing proxy.",
      command:
        "union SigninLogs, AADNonInteractiveUserSignInLogs\n| where UserPrincipalName == \"user@contoso.test\" and TimeGenerated > ago(7d)\n| project TimeGenerated, IPAddress, Location = tostring(LocationDetails.countryOrRegion), AppDisplayName, UserAgent, SessionId, ResultType, AuthenticationRequirement\n| order by SessionId, TimeGenerated asc",
      expected_outcome: "The session that was replayed, the proxy IP and the replay IPs.",
    },
    {
      title: "List mailbox footholds",
      body: "Search the unified audit log for rule changes, forwarding and delegation, and list the rules in the mailbox, including hidden ones.",
      command:
        "Search-UnifiedAuditLog -StartDate (Get-Date).AddDays(-14) -EndDate (Get-Date) -UserIds user@contoso.test -Operations New-InboxRule,Set-InboxRule,UpdateInboxRules,Set-Mailbox,Add-MailboxPermission -ResultSize 5000\nGet-InboxRule -Mailbox user@contoso.test -IncludeHidden | Format-List Name, Enabled, SubjectOrBodyContainsWords, From, MoveToFolder, ForwardTo, RedirectTo, DeleteMessage",
      expected_outcome: "Every rule with its conditions and actions; forwarding and delegates checked.",
    },
    {
      title: "List identity footholds",
      body: "Attackers register their own MFA method (which may also pass self-service password reset) and consent to apps with offline_access, which hold their own refresh tokens.",
      command:
        "Get-MgUserAuthenticationMethod -UserId user@contoso.test\nGet-MgUserOauth2PermissionGrant -UserId user@contoso.test | Select-Object ClientId, Scope, ConsentType\n# Entra audit log: 'User registered security info', 'Consent to application' (TargetId.ServicePrincipalNames holds the app ID)",
      expected_outcome: "Methods and grants with registration or consent times and source IPs.",
    },
    {
      title: "Evict in order",
      body:
        "1. Block sign-in. 2. Revoke all refresh tokens and session cookies. 3. Reset the password out of band. 4. Remove attacker MFA methods. 5. Remove the OAuth grant and disable the app's service principal tenant-wide. 6. Remove rules, forwarding and delegates. 7. Issue a Temporary Access Pass, let the user re-register, re-enable. Issued access tokens can live about an hour, except in services with continuous access evaluation (Exchange Online, SharePoint).",
      command:
        "Update-MgUser -UserId user@contoso.test -AccountEnabled:$false\nRevoke-MgUserSignInSession -UserId user@contoso.test\nRemove-InboxRule -Mailbox user@contoso.test -Identity '<rule name>'\nUpdate-MgServicePrincipal -ServicePrincipalId <sp-object-id> -AccountEnabled:$false",
      expected_outcome: "Every foothold removed and each removal verified by re-running the listing step.",
    },
    {
      title: "Hunt the tenant",
      body: "Search for the same infrastructure and app across all users, and classify: session compromised (successful sign-in through the proxy), password exposed (failed after the password, e.g. Conditional Access 53000) or not affected.",
      command:
        "union SigninLogs, AADNonInteractiveUserSignInLogs\n| where IPAddress in (\"203.0.113.114\", \"192.0.2.77\")\n| summarize First = min(TimeGenerated), Last = max(TimeGenerated), Results = make_set(ResultType) by UserPrincipalName, IPAddress",
      expected_outcome: "A list of affected accounts with the action each one needs.",
    },
  ],
  validation_checks: [
    "The replay is shown by a shared session ID",
    "Rules, MFA methods and OAuth grants were all checked",
    "Sign-in was blocked before the other eviction steps",
    "Each eviction step was verified",
    "Other users were hunted with the same indicators",
  ],
  related: ["contain-host-and-account", "email-header-analysis", "breach-notification-clock"],
  links: [
    { mission: "BEC-03", stage: "signins", required: false, order: 0 },
    { mission: "BEC-03", stage: "footholds", required: true, order: 0 },
    { mission: "BEC-03", stage: "evict", required: true, order: 0 },
  ],
  mentor_curated: true,
  status: "published",
};

export default recipe;
