/** Who makes a change, as the audit trigger records it (JSON in the setting `crm.audit`). */
export type AuditActor = {
  userId: string | null;
  sessionId: string | null;
  device: string | null;
  /** The mutation kind or procedure, e.g. `customer.update`, `users.update`, `imports.applyPlan`. */
  action: string;
};
