/**
 * Files written whole or not at all: {@link swatnn.io.AtomicFile} writes through a temporary
 * sibling of its own and renames it over the target, for the model files, ARFF files, benchmark
 * results, reports and figures. Depends on the JDK only.
 */
package swatnn.io;
