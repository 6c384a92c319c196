/** Exact money in integral cents, and divisions that say how they round. */
package nl.begroot.core.money;
