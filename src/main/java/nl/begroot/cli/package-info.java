/** The command line (picocli): validate, compute, explain, audit, bench, publish, import-proposals. */
package nl.begroot.cli;
