/**
 * Validation of the budget model: {@link nl.begroot.core.validate.BudgetValidator} returns every
 * rule a {@link nl.begroot.core.model.Budget} breaks as a {@link nl.begroot.core.validate.Violation}
 * with its {@link nl.begroot.core.validate.ModelPath}. Adapters (the YAML reader, the workspace) map
 * paths to their own places; the engine refuses a budget with violations.
 */
package nl.begroot.core.validate;
