/** The command line (picocli): validate, compute, explain, audit, bench. */
package nl.begroot.cli;
