import type { MissionInput } from "../schemas";

// The rubric of ADCS-03 (adcs-03.ts): its stages and decisions alone fill a file.
export const rubric: MissionInput["rubric"] = [
  {
    key: "template-analysis",
    stage: "enumerate",
    title: "Template analysis",
    weight: 2,
    skills: ["active-directory", "identity-security"],
    levels: [
      { points: 0, label: "Missing", descriptor: "Wrong template, or the choice rests on a tool's verdict without conditions." },
      { points: 1, label: "Partial", descriptor: "SP-FieldTablet identified, but one or more look-alikes are dismissed for the wrong reason." },
      { points: 2, label: "Competent", descriptor: "All ESC1 conditions checked for every template; the CA SAN flag correctly explained as irrelevant to ESC1." },
      { points: 3, label: "Strong", descriptor: "As competent, and SP-WebServer is raised as a separate finding (any user can impersonate any internal web server)." },
    ],
  },
  {
    key: "certificate-request",
    stage: "request",
    title: "Certificate request under strong mapping",
    weight: 2,
    skills: ["active-directory", "privilege-escalation"],
    levels: [
      { points: 0, label: "Missing", descriptor: "No working command, or a real or built-in account impersonated." },
      { points: 1, label: "Partial", descriptor: "Command targets pt-da-01 but without the SID, or the strong-mapping reason is not understood." },
      { points: 2, label: "Competent", descriptor: "Complete command with UPN and SID; strong mapping explained; certificate register started." },
      { points: 3, label: "Strong", descriptor: "As competent, and the learner explains why the CA adds no SID extension for enrollee-supplied subjects." },
    ],
  },
  {
    key: "pkinit-understanding",
    stage: "auth",
    title: "Certificate authentication and its traces",
    weight: 2,
    skills: ["active-directory", "identity-security"],
    levels: [
      { points: 0, label: "Missing", descriptor: "PKINIT or the NT-hash recovery not explained." },
      { points: 1, label: "Partial", descriptor: "TGT explained but not why the certificate outlives a password reset." },
      { points: 2, label: "Competent", descriptor: "PKINIT, UnPAC-the-hash and certificate lifetime explained; CA and DC events named." },
      { points: 3, label: "Strong", descriptor: "As competent, with a precise description of what makes the 4768 and 4887 events suspicious in this case." },
    ],
  },
  {
    key: "over-collection-disclosure",
    stage: "over-collection",
    title: "Disclosure of the DCSync",
    weight: 1,
    skills: ["communication"],
    levels: [
      { points: 0, label: "Missing", descriptor: "The DCSync is not disclosed, or it is presented as part of the proof." },
      { points: 1, label: "Partial", descriptor: "Disclosed but without times, commands or a destruction record." },
      { points: 2, label: "Competent", descriptor: "Complete facts, witnessed destruction, krbtgt double reset and privileged-account advice." },
      { points: 3, label: "Strong", descriptor: "As competent, with an honest account that says the flag was already sufficient and a change to personal practice." },
    ],
  },
  {
    key: "cleanup",
    stage: "revoke",
    title: "Revocation and clean-up",
    weight: 1,
    skills: ["identity-security"],
    levels: [
      { points: 0, label: "Missing", descriptor: "No revocation, or a password reset offered as the fix." },
      { points: 1, label: "Partial", descriptor: "Certificate revoked but CRL caching ignored or nothing verified." },
      { points: 2, label: "Competent", descriptor: "Serial identified, revoked with a reason, CRL published, account disabled, failure verified." },
      { points: 3, label: "Strong", descriptor: "As competent, and the learner's own copies are destroyed and recorded." },
    ],
  },
  {
    key: "finding",
    stage: "report",
    title: "ESC1 finding",
    weight: 3,
    skills: ["reporting", "active-directory"],
    levels: [
      { points: 0, label: "Missing", descriptor: "No finding, or no template remediation." },
      { points: 1, label: "Partial", descriptor: "Finding present but CVSS not argued or remediation limited to one setting." },
      { points: 2, label: "Competent", descriptor: "Defensible CVSS, ordered template fixes, auditing and detections." },
      { points: 3, label: "Strong", descriptor: "As competent, and the report explains why strong mapping did not help, covers SP-WebServer and includes a retest step; on the stop-now path, it flags the unrevoked certificate." },
    ],
  },
];
