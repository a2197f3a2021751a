/**
 * The benchmarks: runs SWAT-NN, the DARTS + ADMM baseline and Weka's regressors over the 54
 * CORNN tasks and reports the results the way the paper's Figure 2 compares them, and
 * cross-validates them on small real data sets.
 *
 * <ul>
 *   <li>{@link swatnn.bench.CornnBenchmark}: runs methods over tasks, appending one block of
 *       rows per (task, method) to {@code results.csv}; resumable after a kill;
 *   <li>{@link swatnn.bench.BenchMethod}: the six methods and how each is built;
 *       {@link swatnn.bench.BenchRun}: a method with options under its results label;
 *   <li>{@link swatnn.bench.QualityStudy}, {@link swatnn.bench.QualityReport}: SWATNN's
 *       defaults against one-option variants on ten tasks;
 *   <li>{@link swatnn.bench.BenchTasks}: finds (or imports) the tasks' scaled ARFF files;
 *   <li>{@link swatnn.bench.ResultsFile}, {@link swatnn.bench.ResultRow}: the CSV file, its
 *       repair after a torn write, and durable appends;
 *   <li>{@link swatnn.bench.BenchProgress}: the progress line on stderr;
 *   <li>{@link swatnn.bench.CornnReport} (a {@link swatnn.bench.GeneratedReport}),
 *       {@link swatnn.bench.ResultTable},
 *       {@link swatnn.bench.MseNonzeroFigure}, {@link swatnn.bench.SelectedModelsFigure}: the
 *       generated README.md and its two figures;
 *   <li>{@link swatnn.bench.CsvResultsFile}, {@link swatnn.bench.CsvRowFormat}: the locked,
 *       repairing, append-only results file for any row type (ResultsFile is one);
 *   <li>{@link swatnn.bench.RealBenchmark}: the real-data benchmark, a
 *       {@link swatnn.bench.CrossValidation} (Weka's folds, every fold's network in view) of
 *       each method on each ARFF file of a folder ({@link swatnn.bench.RealDataSets}), one
 *       {@link swatnn.bench.RealRow} per (data set, method), reported by
 *       {@link swatnn.bench.RealReport}.
 * </ul>
 *
 * <p>The {@code swatnn bench cornn}, {@code bench quality} and {@code bench real} commands of
 * {@code swatnn.cli} drive it.
 */
package swatnn.bench;
