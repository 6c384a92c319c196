/**
 * Realised figures (realisatie) from the financial administration: the import's decisions, the same
 * for every file format ({@link nl.begroot.core.actuals.ActualsImport}: mapping, periods, totals in
 * cents, all or nothing), and the budget set against what was realised ({@link
 * nl.begroot.core.actuals.BudgetVsRealised}). Adapters (the XAF and CSV readers) only translate.
 */
package nl.begroot.core.actuals;
