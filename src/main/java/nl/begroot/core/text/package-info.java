/** Dutch number formats, read and written. */
package nl.begroot.core.text;
