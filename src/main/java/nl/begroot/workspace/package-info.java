/**
 * The application's use cases over stored versions: read a version as a computed document (cached
 * per version and stamp), create, change and withdraw proposals, change a key, preview an edit's
 * effect, copy a version into a scenario, compare versions, import and export whole budgets. The
 * web pages and the JSON API both call this layer (and never the store); it calls the core (a
 * version is computed by {@link nl.begroot.core.pipeline.Pipeline}, once per budget state) and the
 * store. {@link nl.begroot.workspace.Workspace} is the entry point; the use cases live in
 * {@link nl.begroot.workspace.ProposalEdits}, {@link nl.begroot.workspace.KeyEdits} and
 * {@link nl.begroot.workspace.VersionEdits}. Every edit reads the rows it changes in its own
 * transaction of the store and applies the user's fields to them (the cache serves reads only), and
 * is validated by the core on the edited model ({@link nl.begroot.workspace.EditCheck}). Every use
 * case that writes asks {@link nl.begroot.core.access.Access#require} for its actor, with the scope
 * built by {@link nl.begroot.workspace.Workspace#scope} from what it read inside its transaction, and
 * refuses by throwing {@link nl.begroot.core.access.Access.Denied} (nothing is written; the web
 * answers 401 or 403).
 */
package nl.begroot.workspace;
