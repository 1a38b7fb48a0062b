import type { RecipeInput } from "../schemas";
import auditEvidenceSampling from "./audit-evidence-sampling";
import breachNotificationClock from "./breach-notification-clock";
import ciSecretScanning from "./ci-secret-scanning";
import cloudtrailInvestigation from "./cloudtrail-investigation";
import containHostAndAccount from "./contain-host-and-account";
import crisisHoldingStatement from "./crisis-holding-statement";
import criticalFindingNotification from "./critical-finding-notification";
import cvssFindingWriteup from "./cvss-finding-writeup";
import detectionTestWithAtomicRedTeam from "./detection-test-with-atomic-red-team";
import executiveRiskBriefing from "./executive-risk-briefing";
import gdprDpiaScreening from "./gdpr-dpia-screening";
import githubActionsHardening from "./github-actions-hardening";
import grepAwkAuthLogs from "./grep-awk-auth-logs";
import incidentSituationReport from "./incident-situation-report";
import irEscalationTicket from "./ir-escalation-ticket";
import iso27001NistCsfMapping from "./iso27001-nist-csf-mapping";
import jqJsonLogTriage from "./jq-json-log-triage";
import mitreAttackMapping from "./mitre-attack-mapping";
import pandasSecurityDataAnalysis from "./pandas-security-data-analysis";
import ransomDecisionOptionsPaper from "./ransom-decision-options-paper";
import ransomwareBoardBriefing from "./ransomware-board-briefing";
import readIptablesFirewallLogs from "./read-iptables-firewall-logs";
import riskRegisterBasics from "./risk-register-basics";
import securityBudgetBusinessCase from "./security-budget-business-case";
import securityMetricsDashboard from "./security-metrics-dashboard";
import semgrepCustomRule from "./semgrep-custom-rule";
import sigmaRuleFromLog from "./sigma-rule-from-log";
import splunkSplAuthFailures from "./splunk-spl-auth-failures";
import sqlInjectionCodeReview from "./sql-injection-code-review";
import sqliSafeProofOfConcept from "./sqli-safe-proof-of-concept";
import sshBruteForceTriage from "./ssh-brute-force-triage";
import threatHuntHypothesis from "./threat-hunt-hypothesis";
import vulnPrioritisationEpssKev from "./vuln-prioritisation-epss-kev";
import wiresharkDisplayFilters from "./wireshark-display-filters";

// One recipe per file; listed here (static imports) so the bundler includes them.
export const RECIPES: RecipeInput[] = [
  auditEvidenceSampling,
  breachNotificationClock,
  ciSecretScanning,
  cloudtrailInvestigation,
  containHostAndAccount,
  crisisHoldingStatement,
  criticalFindingNotification,
  cvssFindingWriteup,
  detectionTestWithAtomicRedTeam,
  executiveRiskBriefing,
  gdprDpiaScreening,
  githubActionsHardening,
  grepAwkAuthLogs,
  incidentSituationReport,
  irEscalationTicket,
  iso27001NistCsfMapping,
  jqJsonLogTriage,
  mitreAttackMapping,
  pandasSecurityDataAnalysis,
  ransomDecisionOptionsPaper,
  ransomwareBoardBriefing,
  readIptablesFirewallLogs,
  riskRegisterBasics,
  securityBudgetBusinessCase,
  securityMetricsDashboard,
  semgrepCustomRule,
  sigmaRuleFromLog,
  splunkSplAuthFailures,
  sqlInjectionCodeReview,
  sqliSafeProofOfConcept,
  sshBruteForceTriage,
  threatHuntHypothesis,
  vulnPrioritisationEpssKev,
  wiresharkDisplayFilters,
];
