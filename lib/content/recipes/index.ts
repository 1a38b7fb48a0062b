import type { RecipeInput } from "../schemas";
import adcsEsc1Certipy from "./adcs-esc1-certipy";
import adversaryEmulationPlan from "./adversary-emulation-plan";
import auditEvidenceSampling from "./audit-evidence-sampling";
import biaRtoRpo from "./bia-rto-rpo";
import breachNotificationClock from "./breach-notification-clock";
import ciSecretScanning from "./ci-secret-scanning";
import cloudtrailInvestigation from "./cloudtrail-investigation";
import containHostAndAccount from "./contain-host-and-account";
import crisisHoldingStatement from "./crisis-holding-statement";
import criticalFindingNotification from "./critical-finding-notification";
import cvssFindingWriteup from "./cvss-finding-writeup";
import cyberchefDecoding from "./cyberchef-decoding";
import detectionTestWithAtomicRedTeam from "./detection-test-with-atomic-red-team";
import emailHeaderAnalysis from "./email-header-analysis";
import executiveRiskBriefing from "./executive-risk-briefing";
import gdprDpiaScreening from "./gdpr-dpia-screening";
import githubActionsHardening from "./github-actions-hardening";
import grepAwkAuthLogs from "./grep-awk-auth-logs";
import incidentSituationReport from "./incident-situation-report";
import irEscalationTicket from "./ir-escalation-ticket";
import iso27001NistCsfMapping from "./iso27001-nist-csf-mapping";
import jqJsonLogTriage from "./jq-json-log-triage";
import jwtAttackTesting from "./jwt-attack-testing";
import kerberoastingHashcat from "./kerberoasting-hashcat";
import linuxPrivescEnumeration from "./linux-privesc-enumeration";
import llmPromptInjectionTesting from "./llm-prompt-injection-testing";
import m365BecInvestigation from "./m365-bec-investigation";
import mitreAttackMapping from "./mitre-attack-mapping";
import nmapServiceScan from "./nmap-service-scan";
import oneToOneCoaching from "./one-to-one-coaching";
import pandasSecurityDataAnalysis from "./pandas-security-data-analysis";
import passwordPolicyModernisation from "./password-policy-modernisation";
import pythonIocExtractor from "./python-ioc-extractor";
import ransomDecisionOptionsPaper from "./ransom-decision-options-paper";
import ransomwareBoardBriefing from "./ransomware-board-briefing";
import readIptablesFirewallLogs from "./read-iptables-firewall-logs";
import riskRegisterBasics from "./risk-register-basics";
import securityBudgetBusinessCase from "./security-budget-business-case";
import securityMetricsDashboard from "./security-metrics-dashboard";
import semgrepCustomRule from "./semgrep-custom-rule";
import sigmaRuleFromLog from "./sigma-rule-from-log";
import soarPlaybookDesign from "./soar-playbook-design";
import soc2ReportReview from "./soc2-report-review";
import splunkSplAuthFailures from "./splunk-spl-auth-failures";
import sqlInjectionCodeReview from "./sql-injection-code-review";
import sqliSafeProofOfConcept from "./sqli-safe-proof-of-concept";
import sshBruteForceTriage from "./ssh-brute-force-triage";
import ssrfCloudMetadataTesting from "./ssrf-cloud-metadata-testing";
import staticMalwareTriage from "./static-malware-triage";
import strideThreatModel from "./stride-threat-model";
import tabletopExerciseDesign from "./tabletop-exercise-design";
import threatHuntHypothesis from "./threat-hunt-hypothesis";
import vulnPrioritisationEpssKev from "./vuln-prioritisation-epss-kev";
import windowsPersistenceHunting from "./windows-persistence-hunting";
import wiresharkDisplayFilters from "./wireshark-display-filters";
import yaraRuleFromStrings from "./yara-rule-from-strings";
import zeekBeaconAnalysis from "./zeek-beacon-analysis";

// One recipe per file; listed here (static imports) so the bundler includes them.
export const RECIPES: RecipeInput[] = [
  adcsEsc1Certipy,
  adversaryEmulationPlan,
  auditEvidenceSampling,
  biaRtoRpo,
  breachNotificationClock,
  ciSecretScanning,
  cloudtrailInvestigation,
  containHostAndAccount,
  crisisHoldingStatement,
  criticalFindingNotification,
  cvssFindingWriteup,
  cyberchefDecoding,
  detectionTestWithAtomicRedTeam,
  emailHeaderAnalysis,
  executiveRiskBriefing,
  gdprDpiaScreening,
  githubActionsHardening,
  grepAwkAuthLogs,
  incidentSituationReport,
  irEscalationTicket,
  iso27001NistCsfMapping,
  jqJsonLogTriage,
  jwtAttackTesting,
  kerberoastingHashcat,
  linuxPrivescEnumeration,
  llmPromptInjectionTesting,
  m365BecInvestigation,
  mitreAttackMapping,
  nmapServiceScan,
  oneToOneCoaching,
  pandasSecurityDataAnalysis,
  passwordPolicyModernisation,
  pythonIocExtractor,
  ransomDecisionOptionsPaper,
  ransomwareBoardBriefing,
  readIptablesFirewallLogs,
  riskRegisterBasics,
  securityBudgetBusinessCase,
  securityMetricsDashboard,
  semgrepCustomRule,
  sigmaRuleFromLog,
  soarPlaybookDesign,
  soc2ReportReview,
  splunkSplAuthFailures,
  sqlInjectionCodeReview,
  sqliSafeProofOfConcept,
  sshBruteForceTriage,
  ssrfCloudMetadataTesting,
  staticMalwareTriage,
  strideThreatModel,
  tabletopExerciseDesign,
  threatHuntHypothesis,
  vulnPrioritisationEpssKev,
  windowsPersistenceHunting,
  wiresharkDisplayFilters,
  yaraRuleFromStrings,
  zeekBeaconAnalysis,
];
