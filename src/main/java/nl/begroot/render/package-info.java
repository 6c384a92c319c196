/** Renderers of the one table model: text laid out like the document, JSON and CSV. */
package nl.begroot.render;
