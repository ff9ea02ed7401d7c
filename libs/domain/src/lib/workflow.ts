import { Action, grantCovers, ResourceScope, RoleGrant, roleAllows } from './permissions';
import type { Role } from './roles';

/**
 * The life of a section task, defined once: the server enforces it, the UI shows the buttons
 * of the transitions it allows (docs/domain.md, "The workflow"). The tjänsteskrivelse goes
 * through the same table (see WorkflowSubjectName).
 *
 *   not_started → draft → submitted → approved (locked)
 *                   ↑          │           │
 *                   └ returned ┘           └→ reopened → draft
 */
export const TASK_STATES = ['not_started', 'draft', 'submitted', 'returned', 'approved', 'reopened'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TASK_STATE_LABELS: Readonly<Record<TaskState, string>> = {
  not_started: 'Ej påbörjad',
  draft: 'Utkast',
  submitted: 'Inlämnad',
  returned: 'Återremitterad',
  approved: 'Godkänd',
  reopened: 'Återöppnad',
};

export const TRANSITIONS = ['start', 'submit', 'return', 'approve', 'resume', 'reopen'] as const;
export type Transition = (typeof TRANSITIONS)[number];

export interface TransitionRule {
  from: readonly TaskState[];
  to: TaskState;
  /** What the person must be allowed to do on the task's unit. */
  action: Action;
  /** A comment (return) or reason (reopen) that must accompany the transition. */
  requiresText: boolean;
  /** The button's text. */
  label: string;
  /** "kan inte … nu": the passive form for messages. */
  passive: string;
}

export const WORKFLOW: Readonly<Record<Transition, TransitionRule>> = {
  start: {
    from: ['not_started'],
    to: 'draft',
    action: 'task.write',
    requiresText: false,
    label: 'Börja skriva',
    passive: 'påbörjas',
  },
  submit: {
    from: ['draft'],
    to: 'submitted',
    action: 'task.submit',
    requiresText: false,
    label: 'Lämna in',
    passive: 'lämnas in',
  },
  return: {
    from: ['submitted'],
    to: 'returned',
    action: 'task.review',
    requiresText: true,
    label: 'Återremittera',
    passive: 'återremitteras',
  },
  approve: {
    from: ['submitted'],
    to: 'approved',
    action: 'task.review',
    requiresText: false,
    label: 'Godkänn',
    passive: 'godkännas',
  },
  resume: {
    from: ['returned', 'reopened'],
    to: 'draft',
    action: 'task.write',
    requiresText: false,
    label: 'Fortsätt skriva',
    passive: 'återupptas',
  },
  reopen: {
    from: ['approved'],
    to: 'reopened',
    action: 'task.reopen',
    requiresText: true,
    label: 'Återöppna',
    passive: 'öppnas igen',
  },
};

/** Content may be changed only while the unit holds the pen. */
export const EDITABLE_STATES: readonly TaskState[] = ['not_started', 'draft', 'returned', 'reopened'];

export function isEditable(state: TaskState): boolean {
  return EDITABLE_STATES.includes(state);
}

/**
 * Separation of duties: who handed in the round under review, and who is acting now. The person
 * who submitted a round does not approve it; someone else reviews it (four eyes). Returning one's
 * own submission stays allowed: it approves nothing and only hands the pen back (the workflow has
 * no "withdraw", and a writer who spots a mistake after handing in needs exactly that); reopening
 * likewise only undoes an approval. An installation with very small nämnder may let the submitter
 * approve their own round (selfApprovalAllowed); the server then records that it happened.
 */
export interface ReviewRound {
  /** The person who submitted the current round; null when nothing has been handed in. */
  submittedBy: string | null;
  /** The person about to make the transition. */
  actorId: string;
  /** The installation's setting: a submitter may approve their own round. Off by default. */
  selfApprovalAllowed: boolean;
}

export const SELF_APPROVAL_REFUSED_MESSAGE =
  'Du lämnade in den här omgången och kan inte själv godkänna den. En annan granskare behöver godkänna.';

/** Whether this transition is the submitter approving their own round (refused or, when allowed, audited as such). */
export function isSelfApproval(transition: Transition, round: ReviewRound | undefined): boolean {
  return transition === 'approve' && round !== undefined && round.submittedBy !== null && round.submittedBy === round.actorId;
}

/** Whether separation of duties refuses this transition to this person. */
export function refusesSelfApproval(transition: Transition, round: ReviewRound | undefined): boolean {
  return isSelfApproval(transition, round) && !round?.selfApprovalAllowed;
}

export type TransitionRefusal = 'illegal_transition' | 'text_required' | 'not_allowed' | 'self_approval_refused';

export type TransitionCheck = { ok: true; to: TaskState } | { ok: false; code: TransitionRefusal; message: string };

/**
 * What goes through the workflow: a section task, a tjänsteskrivelse (and later a nämnd meeting's
 * ärenden and protokoll). The name only changes the words of the messages.
 */
export type WorkflowSubjectName = 'task' | 'memo';

interface SubjectWords {
  /** The definite form, lower case: "uppgiften". */
  definite: string;
  /** Who can open it again once approved: "granskaren eller nämndsekreteraren". */
  reopenedBy: string;
}

export const WORKFLOW_SUBJECT_WORDS: Readonly<Record<WorkflowSubjectName, SubjectWords>> = {
  task: { definite: 'uppgiften', reopenedBy: 'granskaren eller nämndsekreteraren' },
  memo: { definite: 'tjänsteskrivelsen', reopenedBy: 'förvaltningschefen eller nämndsekreteraren' },
};

function capitalized(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** The subject's definite name as a sentence starts: "Uppgiften", "Tjänsteskrivelsen". */
export function subjectTitle(subject: WorkflowSubjectName = 'task'): string {
  return capitalized(WORKFLOW_SUBJECT_WORDS[subject].definite);
}

/** Why content cannot be changed in a state outside EDITABLE_STATES (submitted or approved). */
export function lockedMessage(state: TaskState, subject: WorkflowSubjectName = 'task'): string {
  const words = WORKFLOW_SUBJECT_WORDS[subject];
  return state === 'approved'
    ? `${subjectTitle(subject)} är godkänd och låst. Be ${words.reopenedBy} att öppna den igen.`
    : `${subjectTitle(subject)} är inlämnad och väntar på granskning; den kan inte ändras nu.`;
}

/** A transition asked for from a version that is no longer the stored one. */
export function staleMessage(subject: WorkflowSubjectName = 'task'): string {
  return `${subjectTitle(subject)} har ändrats sedan du öppnade den. Ladda om sidan och försök igen.`;
}

/**
 * The transition a save makes by itself: the first save starts the draft (not_started → draft),
 * a save on a returned or reopened subject resumes it; in any other state none (null).
 */
export function automaticTransition(state: TaskState): 'start' | 'resume' | null {
  if (state === 'not_started') return 'start';
  if (state === 'returned' || state === 'reopened') return 'resume';
  return null;
}

/**
 * Whether a transition may happen now: legal from this state, by someone allowed to (the
 * caller passes whether the person holds the rule's action on the subject), not the submitter
 * approving their own round (the caller passes the round: see ReviewRound), with the required text.
 * The subject's name (a task by default) gives the messages their words.
 */
export function checkTransition(
  state: TaskState,
  transition: Transition,
  options: { allowed: boolean; text?: string | null; round?: ReviewRound; subject?: WorkflowSubjectName },
): TransitionCheck {
  const rule = WORKFLOW[transition];
  const subject = options.subject ?? 'task';
  if (!rule.from.includes(state)) {
    return {
      ok: false,
      code: 'illegal_transition',
      message: `${subjectTitle(subject)} är ${TASK_STATE_LABELS[state].toLowerCase()} och kan inte ${rule.passive} nu.`,
    };
  }
  if (!options.allowed) {
    return { ok: false, code: 'not_allowed', message: `Du har inte behörighet att göra detta: ${rule.label}.` };
  }
  if (refusesSelfApproval(transition, options.round)) {
    return { ok: false, code: 'self_approval_refused', message: SELF_APPROVAL_REFUSED_MESSAGE };
  }
  if (rule.requiresText && !options.text?.trim()) {
    return {
      ok: false,
      code: 'text_required',
      message:
        transition === 'return'
          ? 'Skriv en kommentar om vad som behöver ändras.'
          : `Ange varför ${WORKFLOW_SUBJECT_WORDS[subject].definite} öppnas igen.`,
    };
  }
  return { ok: true, to: rule.to };
}

/**
 * The transitions a person could make from a state, given the actions they hold on the task: the
 * buttons to show. With the round, the submitter does not get the approve button for their own round.
 */
export function availableTransitions(state: TaskState, heldActions: readonly Action[], round?: ReviewRound): Transition[] {
  return TRANSITIONS.filter(
    (t) => WORKFLOW[t].from.includes(state) && heldActions.includes(WORKFLOW[t].action) && !refusesSelfApproval(t, round),
  );
}

/**
 * Who holds the pen on a task. By default (the section names no writer role): a grant on a unit
 * writes the tasks of that unit and the units below it; a committee-wide grant writes only the
 * nämnd-level tasks (a secretary drafts the Sammanfattning, not an enhet's text). When the
 * template names the section's writer role (`writerRole`, e.g. the förvaltningsekonom for the
 * nämnd's economy texts), exactly that role writes and hands in, wherever its grant covers the
 * task, and no one else does. `Mina uppgifter` lists exactly these tasks.
 */
export function writesTask(grant: RoleGrant, task: ResourceScope, action: Action = 'task.write', writerRole: Role | null = null): boolean {
  if (writerRole !== null) return grant.role === writerRole && isWriterRole(writerRole) && (action === 'task.write' || action === 'task.submit') && grantCovers(grant, task);
  if (!roleAllows(grant.role, action)) return false;
  if (grant.unitId === null) return task.unitPath.length === 0 && grantCovers(grant, task);
  return grantCovers(grant, task);
}

/** The roles a template may name as a section's writer: those that can open a task at all. */
export function isWriterRole(role: Role): boolean {
  return roleAllows(role, 'task.read');
}

/** The reviewer of a task holds the section's reviewer role, with review rights, where the task sits. */
export function reviewsTask(grant: RoleGrant, task: ResourceScope, reviewerRole: Role): boolean {
  return grant.role === reviewerRole && roleAllows(grant.role, 'task.review') && grantCovers(grant, task);
}

/** The roles that can be named a section's reviewer. */
export function isReviewerRole(role: Role): boolean {
  return roleAllows(role, 'task.review');
}

/**
 * The workflow actions a person holds on one task: what decides their buttons and what the server
 * allows. `writerRole` is the section's writer role from the template (null: the default rule).
 */
export function taskActionsHeld(grants: readonly RoleGrant[], task: ResourceScope, reviewerRole: Role, writerRole: Role | null = null): Action[] {
  const held: Action[] = [];
  if (grants.some((g) => roleAllows(g.role, 'task.read') && grantCovers(g, task))) held.push('task.read');
  if (grants.some((g) => writesTask(g, task, 'task.write', writerRole))) held.push('task.write');
  if (grants.some((g) => writesTask(g, task, 'task.submit', writerRole))) held.push('task.submit');
  if (grants.some((g) => reviewsTask(g, task, reviewerRole))) held.push('task.review');
  if (grants.some((g) => roleAllows(g.role, 'task.reopen') && grantCovers(g, task))) held.push('task.reopen');
  return held;
}
