/**
 * The budget file format {@code begroot/1} (YAML): reading with every problem reported at its place,
 * all-or-nothing, and writing a budget back as a canonical file ({@link nl.begroot.format.BudgetWriter}).
 * See docs/format.md and schema/begroot-1.schema.json.
 */
package nl.begroot.format;
