/**
 * What the project writes, written one way: {@link swatnn.io.AtomicFile} replaces a file whole
 * (a temporary sibling of its own, synced, renamed over the target), for the model files, ARFF
 * files, benchmark results, reports and figures; {@link swatnn.io.NumberText} writes a number
 * in significant digits, for the model descriptions and texts. Depends on the JDK only.
 */
package swatnn.io;
