package nl.begroot.workspace;

import java.util.List;

/** The outcome of a write: saved, refused with field errors, a conflict, or nothing to change. */
public sealed interface EditResult {
  /** Saved; {@code id} names what was written. */
  record Saved(String id) implements EditResult {}

  /** Refused: every problem found; nothing was saved. */
  record Invalid(List<FieldError> errors) implements EditResult {}

  /**
   * Someone else saved first: {@code theirs} is what is stored now (at {@code currentRevision}, by
   * {@code by}), {@code yours} what this save would have written. Nothing was saved.
   */
  record Conflict(String id, int currentRevision, String by, String theirs, String yours) implements EditResult {}

  /** The version or the proposal does not exist. */
  record NotFound(String what) implements EditResult {}
}
