/** Seeded generators of valid budgets, for property tests and benchmarks. */
package nl.begroot.core.generate;
