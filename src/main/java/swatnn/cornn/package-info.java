/**
 * The CORNN regression suite (Malan and Cleghorn, PPSN 2022): the 54 two-dimensional functions
 * F1..F54 the SWAT-NN paper evaluates on, and the tools that turn them into Weka regression
 * tasks.
 *
 * <ul>
 *   <li>{@link swatnn.cornn.CornnFunction}: each function's number, name, domain and formula,
 *       matching the official data to within rounding;
 *   <li>{@link swatnn.cornn.CornnCsvReader}: reads the official {@code <Name>_train_set.csv}
 *       and {@code <Name>_test_set.csv} files;
 *   <li>{@link swatnn.cornn.CornnSampler}: draws fresh, seeded samples over a domain;
 *   <li>{@link swatnn.cornn.CornnTask}, {@link swatnn.cornn.LabelScaling}: the scaling that
 *       defines a CORNN task (inputs to [-1, 1] by the domain, labels to [-1, 1] by the training
 *       set's min and max) and its output as {@code <Stem>_train.arff} and
 *       {@code <Stem>_test.arff};
 *   <li>{@link swatnn.cornn.ArffWriter}: a small ARFF writer that replaces a file whole
 *       ({@link swatnn.io.AtomicFile}).
 * </ul>
 *
 * <p>The package depends on neither Weka nor ND4J; the {@code cornn import} and
 * {@code cornn generate} commands of {@code swatnn.cli} drive it.
 */
package swatnn.cornn;
