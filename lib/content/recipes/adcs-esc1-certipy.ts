import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "adcs-esc1-certipy",
  title: "Find, prove and clean up AD CS ESC1 with Certipy",
  summary:
    "Enumerate certificate templates, recognise ESC1 from its settings, request a certificate for an agreed test account with its SID for strong mapping, authenticate with PKINIT, then revoke and record everything you created.",
  description:
    "A template that lets any user choose the subject of a client-authentication certificate lets any user become anyone, and the certificate outlives password resets. This recipe proves the issue with the least risk to the client and leaves nothing usable behind.",
  type: "technical",
  difficulty: "advanced",
  estimated_minutes: 50,
  skills: ["active-directory", "privilege-escalation", "identity-security"],
  tools: ["Certipy", "certutil (on the CA, run by the PKI administrator)", "PowerShell ActiveDirectory module or ldapsearch"],
  prerequisites: [],
  inputs: ["A low-privileged domain account", "The test account the rules of engagement allow you to impersonate"],
  environment: "Authorised internal test only. Agree the impersonation target and the certificate clean-up with the client's PKI administrator before you start.",
  steps: [
    {
      title: "Enumerate the CA and templates",
      body: "Collect everything, not only what the tool flags, so you can reason about each template.",
      command: "certipy find -u user@corp.test -p '<password>' -dc-ip 10.0.0.10 -stdout",
      expected_outcome: "The CAs, their flags and every enabled template with EKUs, name flags, approval settings and enrolment rights.",
    },
    {
      title: "Recognise ESC1",
      body:
        "All must hold: low-privileged principals (Domain Users, Authenticated Users, Domain Computers) can enrol; `Enrollee Supplies Subject` is set; the EKU allows client authentication (Client Authentication, Smart Card Logon, PKINIT Client Authentication, Any Purpose, or none); no manager approval; no authorised signatures.",
      expected_outcome: "A condition-by-condition table per template.",
    },
    {
      title: "Request a certificate for the agreed account",
      body:
        "Read the target's SID over LDAP and pass it with `-sid`, so the certificate carries a strong mapping that domain controllers in Full Enforcement accept. Never impersonate a real or built-in account unless the rules say so.",
      command:
        "Get-ADUser pt-da-01 -Properties objectSid | Select-Object objectSid\ncertipy req -u user@corp.test -p '<password>' -dc-ip 10.0.0.10 -target pki01.corp.test -ca CORP-CA -template VulnTemplate -upn pt-da-01@corp.test -sid <SID>",
      expected_outcome: "A .pfx for the test account and the request ID.",
      evidence_hint: "Record request ID, template, SAN, time and storage in a certificate register.",
    },
    {
      title: "Authenticate with PKINIT",
      body: "Certipy obtains a TGT with the certificate and recovers the NT hash from the PAC with a user-to-user request. Use the ticket only for the agreed proof.",
      command: "certipy auth -pfx pt-da-01.pfx -dc-ip 10.0.0.10",
      expected_outcome: "A credential cache for the test account, and the agreed harmless proof of privilege.",
    },
    {
      title: "Revoke and verify",
      body:
        "Ask the PKI administrator to revoke by serial number and publish a new CRL. Domain controllers cache the old CRL until its Next Update, so disable the test account until then. Retest and expect failure, then destroy your .pfx and .ccache files.",
      command: "certutil -view -restrict \"RequestID=5731\" -out \"SerialNumber,RequesterName,NotAfter\"\ncertutil -revoke <SerialNumber> 1\ncertutil -crl",
      expected_outcome: "A revocation record and a failed authentication with the old certificate.",
    },
    {
      title: "Recommend fixes and detections",
      body:
        "Build the subject from Active Directory or require manager approval; restrict enrolment; remove unneeded EKUs; keep strong mapping enforced; audit templates regularly; enable CA auditing (`certutil -setreg CA\\AuditFilter 127`) and alert on certificates whose SAN differs from the requester and on 4768 events with pre-authentication type 16 for accounts that do not use smart cards.",
      expected_outcome: "Template fixes, an audit routine and two detections.",
    },
  ],
  validation_checks: [
    "Every ESC1 condition is checked per template",
    "The request names only the agreed account and includes its SID",
    "The certificate is revoked, the CRL published and the account disabled until the CRL is refreshed",
    "Your copies of the certificate and ticket are destroyed and recorded",
  ],
  related: ["kerberoasting-hashcat", "cvss-finding-writeup", "critical-finding-notification"],
  links: [
    { mission: "ADCS-03", stage: "enumerate", required: true, order: 0 },
    { mission: "ADCS-03", stage: "request", required: true, order: 0 },
    { mission: "ADCS-03", stage: "revoke", required: false, order: 0 },
  ],
  mentor_curated: true,
  status: "published",
};

export default recipe;
