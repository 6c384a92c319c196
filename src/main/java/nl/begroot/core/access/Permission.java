package nl.begroot.core.access;

/**
 * What may be asked of Begroot, one value per kind of request. Every web route and every use case of
 * the workspace declares one; {@link Access} decides per actor and scope.
 */
public enum Permission {
  /** Read a version (its pages, tables, figures, audit, API reads). */
  READ_VERSION,
  /** A member's own statement and table (province page, statement download). */
  READ_MEMBER,
  /** Downloads and exports of a version (PDF, workbook, open data, the budget file). */
  EXPORT,
  /** Create, change, withdraw or reinstate a proposal (in a version that is not adopted). */
  EDIT_PROPOSAL,
  /** Submit a proposal for approval. */
  SUBMIT_PROPOSAL,
  /** Approve or reject a proposal (never one's own). */
  APPROVE_PROPOSAL,
  /** Change a distribution key. */
  EDIT_KEY,
  /** Change the ledger mapping (grootboekindeling) of a version. */
  EDIT_MAPPING,
  /** Copy a version into a scenario of one's own, or import a file or workbook as one. */
  CREATE_SCENARIO,
  /** Delete a scenario. */
  DELETE_SCENARIO,
  /** Share a scenario with others, or stop sharing it. */
  SHARE_SCENARIO,
  /** Submit a version for adoption (concept to ingediend), or take it back. */
  SUBMIT_VERSION,
  /** Adopt a version (ingediend to vastgesteld) on behalf of the general assembly. */
  ADOPT_VERSION,
  /** Publish an adopted version (vastgesteld to gepubliceerd). */
  PUBLISH_VERSION,
  /** Start a budget amendment (begrotingswijziging) on an adopted version. */
  CREATE_AMENDMENT,
  /** Start the definitive budget (definitieve begroting) from an adopted concept. */
  CREATE_DEFINITIVE,
  /** Import realised figures (realisatie) from the financial administration, by a version's ledger mapping. */
  IMPORT_ACTUALS,
  /** Start the Tussenrapportage (mid-year report) of an adopted budget. */
  CREATE_MIDYEAR,
  /** Enter or change a unit's forecast (prognose) in a Tussenrapportage that is still a concept. */
  EDIT_FORECAST,
  /** Start the annual accounts (jaarrekening) of a year from an adopted version (docs/accounts.md). */
  CREATE_ACCOUNTS,
  /** Change the annual accounts: a deviation's explanation, the threshold, the reserves' movements (not once adopted). */
  EDIT_ACCOUNTS,
  /** Read the change and sign-in log of the organisation. */
  READ_LOG,
  /** Verify the log's hash chain. */
  VERIFY_LOG,
  /** Users, roles and assignments. */
  MANAGE_USERS,
  /** One's own account (second factor, password, sign-out): anyone signed in. The sign-in page itself is {@link #PUBLIC}. */
  OWN_ACCOUNT,
  /** Health check, the API description, static files, the language switch, the sign-in page, the versions list (filtered): anyone. */
  PUBLIC
}
