/**
 * The core's one pipeline: a budget state computed, built into figures and rounded once
 * ({@link nl.begroot.core.pipeline.Pipeline}), and the views every adapter derives from it
 * ({@link nl.begroot.core.pipeline.Computed}).
 */
package nl.begroot.core.pipeline;
