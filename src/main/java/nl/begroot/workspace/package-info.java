/**
 * The application's use cases over stored versions: read a version as a computed document (cached
 * per version and stamp), create, change and withdraw proposals, change a key, preview an edit's
 * effect, copy a version into a scenario, compare versions, import and export whole budgets. The
 * web pages and the JSON API both call this layer; it calls the core and the store.
 */
package nl.begroot.workspace;
