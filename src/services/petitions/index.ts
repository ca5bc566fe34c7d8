/**
 * Letters (đơn thư) before the congresses (issue 9, BRIEF §7): register, triage, assign, steps,
 * conclusion, notice, attachments, the register and its dashboard and export, the settings, and the
 * existence-only questions other screens ask.
 *
 * Content is read and changed only in the petitions scope (officer grants carrying `petitions`,
 * administrators everywhere). Audit entries carry the letter but no organisation, so only
 * administrators read them in the audit log; the organisation's history shows nothing of them.
 */
export {
  MAX_ATTACHMENT_BYTES,
  type Petition,
  type PetitionAttachment,
  type PetitionSubject,
  petitionErrors,
  sniffAttachmentType,
} from "./common.ts";
export {
  addPetitionAttachment,
  addPetitionStep,
  assignPetition,
  concludePetition,
  notifyPetitionSender,
  type RegisterPetitionInput,
  registerPetition,
  type TriageInput,
  triagePetition,
} from "./handle.ts";
export {
  type CongressPetitions,
  complaintFlagsForCongress,
  congressPetitions,
  type DashboardResult,
  exportPetitionRegister,
  getAttachment,
  getPetition,
  getPetitionSettings,
  listPetitionRegister,
  openCasesConcerningPeople,
  type PersonFlag,
  type PetitionDetail,
  type PetitionListItem,
  petitionDashboard,
  updatePetitionSettings,
} from "./read.ts";
