package nl.begroot.core.model;

/** Whether a line is an expense (lasten) or an income (baten). */
public enum Side {
  LASTEN,
  BATEN
}
