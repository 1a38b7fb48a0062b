import type { MissionInput } from "../schemas";
import m_phish01 from "./phish-01";
import m_siem01 from "./siem-01";
import m_net02 from "./net-02";
import m_siem02 from "./siem-02";
import m_sysmon02 from "./sysmon-02";
import m_hunt03 from "./hunt-03";
import m_mal03 from "./mal-03";
import m_bec03 from "./bec-03";
import m_cloud04 from "./cloud-04";
import m_decode01 from "./decode-01";
import m_recon01 from "./recon-01";
import m_priv02 from "./priv-02";
import m_web02 from "./web-02";
import m_ssrf02 from "./ssrf-02";
import m_ad03 from "./ad-03";
import m_api03 from "./api-03";
import m_adcs03 from "./adcs-03";
import m_red04 from "./red-04";
import m_pol01 from "./pol-01";
import m_risk01 from "./risk-01";
import m_iso02 from "./iso-02";
import m_gdpr02 from "./gdpr-02";
import m_vend03 from "./vend-03";
import m_ready03 from "./ready-03";
import m_audit04 from "./audit-04";
import m_auto01 from "./auto-01";
import m_data01 from "./data-01";
import m_devsec02 from "./devsec-02";
import m_pipe02 from "./pipe-02";
import m_ml03 from "./ml-03";
import m_threat03 from "./threat-03";
import m_soar04 from "./soar-04";
import m_lead01 from "./lead-01";
import m_metric01 from "./metric-01";
import m_table02 from "./table-02";
import m_comms02 from "./comms-02";
import m_budg03 from "./budg-03";
import m_hire03 from "./hire-03";
import m_ir04 from "./ir-04";

// One mission per file; listed here (static imports) so the bundler includes them.
export const MISSIONS: MissionInput[] = [
  m_phish01,
  m_siem01,
  m_net02,
  m_siem02,
  m_sysmon02,
  m_hunt03,
  m_mal03,
  m_bec03,
  m_cloud04,
  m_decode01,
  m_recon01,
  m_priv02,
  m_web02,
  m_ssrf02,
  m_ad03,
  m_api03,
  m_adcs03,
  m_red04,
  m_pol01,
  m_risk01,
  m_iso02,
  m_gdpr02,
  m_vend03,
  m_ready03,
  m_audit04,
  m_auto01,
  m_data01,
  m_devsec02,
  m_pipe02,
  m_ml03,
  m_threat03,
  m_soar04,
  m_lead01,
  m_metric01,
  m_table02,
  m_comms02,
  m_budg03,
  m_hire03,
  m_ir04,
];
