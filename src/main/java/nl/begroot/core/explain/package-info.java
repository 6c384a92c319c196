/** Explain (herleiding): any figure's lineage down to the frame values and proposals. */
package nl.begroot.core.explain;
