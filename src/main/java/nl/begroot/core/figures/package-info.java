/**
 * The document as figures and tables: every printed figure with a stable id, its exact value and its
 * lineage ({@link nl.begroot.core.figures.FigureGraph}), built from a computation by {@link
 * nl.begroot.core.figures.DocumentBuilder}; tables reference figures by id.
 */
package nl.begroot.core.figures;
