/**
 * The budget model: frame (kader), proposals (begrotingsvoorstellen), transfers (overhevelingen),
 * distribution keys (verdeelsleutels), the annex (Bijlage 1) and the printed figures for the audit.
 * Immutable values; no I/O.
 */
package nl.begroot.core.model;
