package swatnn.selection;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import swatnn.mlp.FreeParameters;
import swatnn.mlp.LeastSquaresRefiner;
import swatnn.mlp.LocalStructureSearch;
import swatnn.mlp.SparseMlp;

/**
 * A network search and the choice of the model around it (docs/METHOD.md section 4), on rows
 * already scaled: the candidates are every network the search found, the training mean (one
 * parameter) and the path of sparse linear models on all the inputs ({@link LinearModel#path});
 * all are scored by one criterion and chosen by one rule ({@link ModelSelector}), and the
 * chosen model is fitted on all training rows.
 *
 * <p>The criterion depends on the rows ({@link SelectionSettings#crossValidates}):
 *
 * <ul>
 *   <li>up to {@link SelectionSettings#maxCrossValidationRows()} rows, the search runs on all of
 *       them and each candidate's structure is refitted on k - 1 folds and scored on the
 *       k-th ({@link SelectionSettings#folds()}); no row is used only to choose, and the
 *       candidates, fitted on all rows, are the final models;
 *   <li>above it (or without refinement), the search runs on the training split and the
 *       candidates are scored on the rows held out ({@link
 *       SelectionSettings#validationFraction()}); the chosen one is then refitted on all rows.
 * </ul>
 *
 * After cross-validation, up to two networks of each configuration whose validation or
 * training MSE is at most {@link SelectionSettings#gatedLocalSearch()} times the class's
 * variance add the local structure search's improvement of each as one more candidate,
 * cross-validated like the rest. On a hold-out, the {@link
 * SelectionSettings#heldOutLocalSearch()} networks of lowest held-out MSE add theirs, fitted on
 * the training split and scored on the held-out rows ({@link #bestOnHeldOut}).
 *
 * A chosen network is then pruned when the settings ask for it ({@link
 * SelectionSettings#prunesChosen()}): before that refit and judged on the held-out rows in the
 * second case ({@code prunedOnHeldOut}), on the training rows and only for a near-exact fit in
 * the first ({@code pruned}).
 *
 * The refits of a cross-validation run on {@code threads} threads; the result does not depend
 * on their number.
 */
public final class ModelSearch {
  /**
   * The most training rows the held-out pruning's steps are fitted on (a seeded sample above
   * it). Why so many: the steps are compared with a network fitted on all the split's rows, and
   * on F53 (3000 rows in the split, 67 non-zeros) steps fitted on a sample of 500 or 1000 rows
   * removed nothing, on 1500 or all 3000 they removed half at its own test MSE. Why a bound: on
   * 40000 rows in the split the pruning on all of them took 17 s, two thirds of the rest of
   * the build (BENCHMARKS.md).
   */
  static final int HELD_OUT_PRUNING_ROWS = 5000;

  /** The most networks of one configuration that the gated local search improves. */
  static final int GATED_NETWORKS_PER_CONFIGURATION = 2;

  private ModelSearch() {}

  /**
   * Searches and chooses.
   *
   * @param all the training rows: every scaled input, the scaled class, weights or null
   * @param networkInputs per network input, its column of {@code all}'s rows (-1: held at 0)
   * @param linearInputs the columns of {@code all}'s rows the linear models may use
   * @param search the network search
   * @param settings the selection's settings
   * @param refitter how candidates are refitted
   * @param threads threads for the refits (at least 1)
   * @param listener progress
   * @return every candidate scored, the chosen one fitted on all rows
   * @throws SearchInterruptedException if the thread is interrupted
   */
  public static SearchResult run(Rows all, int[] networkInputs, int[] linearInputs,
      NetworkSearch search, SelectionSettings<?> settings, Refitter refitter, int threads,
      SearchListener listener) {
    long start = System.nanoTime();
    int n = all.size();
    boolean cv = settings.crossValidates(n) && n >= 2;
    int folds = cv ? Math.min(settings.folds(), n) : 0;
    RowSplit split = cv ? new RowSplit(range(n), new int[0])
        : RowSplit.holdOut(n, settings.validationFraction(), settings.seed());
    Rows fitRows = cv ? all : all.subset(split.first());
    Rows scoreRows = split.second().length > 0 ? all.subset(split.second()) : fitRows;

    NetworkSearch.Outcome outcome = search.search(fitRows.columns(networkInputs), listener);
    List<Candidate> fitted = new ArrayList<>();
    fitted.add(new Candidate("mean", 0, MeanModel.fit(fitRows), 0, 0));
    for (LinearModel m : LinearModel.path(fitRows, linearInputs, refitter.bayesian())) {
      fitted.add(new Candidate("linear", 0, m, 0, 0));
    }
    for (NetworkSearch.Found f : outcome.networks()) {
      NetworkModel net = new NetworkModel(f.network(), networkInputs, f.effectiveParameters(),
          f.start());
      // a network with no active neuron is a constant, the mean under another name
      if (net.nonZeroCount() > 1) {
        fitted.add(new Candidate(f.name(), f.hiddenLayers(), net, 0, 0));
      }
    }
    int[][] foldRows = cv ? RowSplit.folds(n, folds, settings.seed()) : null;
    double[][] rowErrors = new double[fitted.size()][];
    List<Candidate> scored = cv
        ? crossValidate(fitted, all, foldRows, refitter, threads, listener, rowErrors)
        : score(fitted, fitRows, scoreRows, rowErrors);
    double[] rowWeights = cv ? foldWeights(all, foldRows) : scoreRows.w();
    double linePValue = LinearModel.overallPValue(fitRows, linearInputs);
    // the variance of the class on the rows the candidates were scored on, for the floor
    Rows varianceRows = cv ? all : scoreRows;
    double variance = varianceRows.mse(MeanModel.fit(varianceRows));
    List<String> gatedNetworks = null;
    if (cv && settings.gatedLocalSearch() > 0 && variance > 0
        && refitter.leastSquares() != null) {
      List<Candidate> passed = passingTheGate(scored, settings.gatedLocalSearch() * variance);
      gatedNetworks = passed.stream().map(Candidate::name).toList();
      List<Candidate> extra = locallySearched(passed, all, variance, settings,
          refitter.leastSquares(), threads, listener);
      if (!extra.isEmpty()) {
        double[][] extraErrors = new double[extra.size()][];
        scored = joined(scored, crossValidate(extra, all, foldRows, refitter, threads,
            listener, extraErrors));
        rowErrors = joined(rowErrors, extraErrors);
      }
    }
    if (!cv && split.second().length > 0 && settings.heldOutLocalSearch() > 0
        && refitter.leastSquares() != null && variance > 0) {
      List<Candidate> best = bestOnHeldOut(scored, settings.heldOutLocalSearch(),
          NetworkModel.NEAR_EXACT * variance);
      gatedNetworks = best.stream().map(Candidate::name).toList();
      List<Candidate> extra = locallySearched(best, fitRows, fitRows.mse(MeanModel.fit(fitRows)),
          settings, refitter.leastSquares(), threads, listener);
      if (!extra.isEmpty()) {
        double[][] extraErrors = new double[extra.size()][];
        scored = joined(scored, score(extra, fitRows, scoreRows, extraErrors));
        rowErrors = joined(rowErrors, extraErrors);
      }
    }
    int chosenIndex = ModelSelector.choose(scored, settings.tolerance(),
        settings.toleranceFloor(), variance, rowErrors, rowWeights,
        ModelSelector.meanBand(linePValue));
    Candidate chosen = scored.get(chosenIndex);
    if (cv && chosen.model() instanceof NetworkModel net
        && chosen.trainMse() > chosen.validationMse()) {
      // Cross-validation scored the structure refitted from fresh starts; the search's own fit
      // on all rows can sit in a far worse minimum (60 rows of a sine: training MSE 0.18
      // against a cross-validated 0.03). A fit on all rows worse than its structure's held-out
      // error has failed; then the final weights are the better by training MSE of it and the
      // same fresh starts on all rows. A fit that has not failed is kept: replacing every fit
      // by the lowest training MSE chose worse on the generated suite (benchmarks/small-suite,
      // refit-fix.tsv against refit-failed.tsv).
      NetworkModel fresh = net.refit(all, refitter);
      double freshMse = all.mse(fresh);
      if (freshMse < chosen.trainMse()) {
        chosen = chosen.withModel(fresh, freshMse);
      }
    }
    boolean prunes = settings.prunesChosen() && refitter.leastSquares() != null;
    if (!cv && split.second().length > 0) {
      if (prunes && chosen.model() instanceof NetworkModel net) {
        double limit = ModelSelector.limit(ModelSelector.bestMse(scored), settings.tolerance(),
            settings.toleranceFloor(), variance);
        chosen = prunedOnHeldOut(chosen, net, fitRows, scoreRows, limit,
            settings.toleranceFloor() * variance, settings.seed(), refitter.leastSquares(),
            listener);
      }
      CandidateModel refit = chosen.model() instanceof NetworkModel net
          ? net.refitFromHere(all, refitter) : chosen.model().refit(all, refitter);
      chosen = chosen.withModel(refit, all.mse(refit));
    } else if (prunes && chosen.model() instanceof NetworkModel net) {
      chosen = pruned(chosen, net, all, settings, refitter.leastSquares(), listener);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new SearchResult(configurations(scored, settings.layers(), seconds), scored,
        chosenIndex, chosen, new Validation(folds, split.second().length), networkInputs, n,
        seconds, outcome.groupSteps(), true, linePValue, settings.toleranceFloor(), variance,
        gatedNetworks);
  }

  /**
   * After cross-validation, the chosen network made as sparse as a difference of no
   * consequence allows: its neurons switched off one at a time and its runs of one-neuron
   * hidden layers collapsed, then its weights removed by magnitude, each step refitted by
   * Levenberg-Marquardt on a sample of the rows ({@link LocalStructureSearch#pruneOnly}), the
   * result refitted on all training rows and kept if its MSE there is within {@code
   * toleranceFloor * variance} of the network's own. Only a near-exact fit is pruned (training
   * MSE at most {@link NetworkModel#NEAR_EXACT} of the class's variance); any other network is
   * returned as chosen.
   *
   * <p>Why: the choice compares the candidates the search found, and an accurate one often
   * carries neurons and weights it does not need (on the planted suite, networks accurate to
   * 1e-4 of the SD with twice the generator's non-zeros); the floor is the selection's own
   * scale of no consequence. Why near-exact fits only: on noisy rows the floor is far below the
   * noise, yet each removal's refit can move to another minimum of lower training MSE that the
   * validation never scored; without this bound the 13 real data sets of benchmarks/real-sel
   * moved by up to 4% in RMSE (Boston 3.8% worse, cpu 4.2%; BENCHMARKS.md, issue 29).
   */
  private static Candidate pruned(Candidate chosen, NetworkModel net, Rows all,
      SelectionSettings<?> settings, LeastSquaresRefiner refiner, SearchListener listener) {
    Rows rows = all.columns(net.inputs());
    double variance = all.mse(MeanModel.fit(all));
    double own = net.network().meanSquaredError(rows.x(), rows.y(), rows.w());
    if (!(own <= NetworkModel.NEAR_EXACT * variance)) {
      return chosen;
    }
    double floor = settings.toleranceFloor() * variance;
    listener.finallyPruned(0, 1);
    SparseMlp sparse = new LocalStructureSearch(refiner, 0, floor,
        LocalStructureSearch.DEFAULT_MAX_ROWS).pruneOnly(net.network(), rows.x(), rows.y(),
        rows.w(), settings.seed());
    listener.finallyPruned(1, 1);
    if (sparse.nonZeroCount() >= net.nonZeroCount()) {
      return chosen;
    }
    NetworkModel model = new NetworkModel(sparse, net.inputs(), new FreeParameters(sparse).size(),
        sparse);
    return new Candidate(prunedName(chosen, net, sparse), chosen.hiddenLayers(), model,
        all.mse(model), chosen.validationMse());
  }

  /**
   * The chosen network, fitted on the training split, made as sparse as the selection's own
   * rule allows: its neurons switched off one at a time and its runs of one-neuron hidden
   * layers collapsed, then its weights removed by magnitude, each step refitted on the
   * training split (at most {@value #HELD_OUT_PRUNING_ROWS} of its rows) and kept while its
   * MSE on the held-out rows stays within {@code limit}, the band the chosen candidate was
   * chosen from ({@link LocalStructureSearch#pruneOnHeldOut}). A network inside that band with
   * fewer non-zeros is one the selection would have taken had the search found it. A collapsed
   * run of one-neuron layers must also keep the training sample's MSE within {@code floor} of
   * the current network's there.
   *
   * <p>Why on the held-out rows: they judge without being fitted, so a removal whose refit only
   * moves to another minimum of the training rows shows as what it is; on the rows of
   * cross-validation no row is left to judge on, and {@link #pruned} prunes near-exact fits
   * alone.
   */
  private static Candidate prunedOnHeldOut(Candidate chosen, NetworkModel net, Rows fit,
      Rows held, double limit, double floor, long seed, LeastSquaresRefiner refiner,
      SearchListener listener) {
    Rows f = fit.columns(net.inputs());
    Rows h = held.columns(net.inputs());
    listener.finallyPruned(0, 1);
    SparseMlp sparse = new LocalStructureSearch(refiner, 0, floor, HELD_OUT_PRUNING_ROWS)
        .pruneOnHeldOut(net.network(), f.x(), f.y(), f.w(), h.x(), h.y(), h.w(), limit, seed);
    listener.finallyPruned(1, 1);
    if (sparse.nonZeroCount() >= net.nonZeroCount()) {
      return chosen;
    }
    NetworkModel model = new NetworkModel(sparse, net.inputs(), new FreeParameters(sparse).size(),
        sparse);
    return new Candidate(prunedName(chosen, net, sparse), chosen.hiddenLayers(), model,
        fit.mse(model), held.mse(model));
  }

  /**
   * The chosen candidate's name with what the final pruning took: "k=3 restart 2, pruned from
   * 39 non-zeros", and "and 3 hidden layers" where it collapsed some, so that a k=3 candidate
   * shown as a network of one hidden layer does not read as a contradiction.
   */
  private static String prunedName(Candidate chosen, NetworkModel net, SparseMlp sparse) {
    int layers = net.network().hiddenLayers();
    return chosen.name() + ", pruned from " + net.nonZeroCount() + " non-zeros"
        + (sparse.hiddenLayers() == layers ? ""
            : " and " + layers + " hidden layer" + (layers == 1 ? "" : "s"));
  }

  /**
   * The networks that pass the gate of the local search after cross-validation: per
   * configuration, in ascending order of hidden layers, up to {@value
   * #GATED_NETWORKS_PER_CONFIGURATION} network candidates whose validation MSE or training MSE
   * is at most {@code limit} ({@link SelectionSettings#gatedLocalSearch()} times the class's
   * variance), those of lowest validation MSE first.
   *
   * <p>Why the training MSE too: on noiseless data the cross-validation refits a structure from
   * fresh starts and often misses the fit its own weights show on all rows (on the planted
   * tuning suite, 24 of 59 failed runs had a network within 0.03 of the variance on its training
   * rows that validated at 1.3 to 495 times that), so the validated MSE alone leaves out
   * configurations the moves would complete. The network the moves return must still win the
   * cross-validation. Why two per configuration: the restarts of one configuration end in
   * different structures, and the moves complete some and not others. Each alone gained 1-2
   * runs of 48 on the tuning suite, together 5 (BENCHMARKS.md).
   *
   * @return the passing networks, by configuration; empty when none passes
   */
  static List<Candidate> passingTheGate(List<Candidate> scored, double limit) {
    java.util.SortedMap<Integer, List<Candidate>> byConfiguration = new java.util.TreeMap<>();
    for (Candidate c : scored) {
      if (c.model() instanceof NetworkModel
          && (c.validationMse() <= limit || c.trainMse() <= limit)) {
        byConfiguration.computeIfAbsent(c.hiddenLayers(), k -> new ArrayList<>()).add(c);
      }
    }
    List<Candidate> out = new ArrayList<>();
    for (List<Candidate> passed : byConfiguration.values()) {
      passed.stream().sorted(java.util.Comparator.comparingDouble(Candidate::validationMse))
          .limit(GATED_NETWORKS_PER_CONFIGURATION).forEach(out::add);
    }
    return out;
  }

  /**
   * On a hold-out, the {@code n} network candidates of lowest held-out MSE, lowest first, unless
   * the lowest is at most {@code nearExact}: the networks the local structure search then
   * improves on the training split, each result scored on the held-out rows like the other
   * candidates.
   *
   * <p>Why not gated by a low error, unlike after cross-validation: the held-out rows are not
   * fitted, so a move that fits noise shows there as it is, and with more rows than
   * -max-cv-rows there are enough of them to tell. On large data the search alone often ends in
   * a structure a neuron or two from the function (generated data with 4 of 7 inputs used: a
   * test RMSE up to 2.9x the noise SD at some seeds, within 5% of it after the moves), and no
   * configuration is within the gate there. Why not on a near-exact fit (held-out MSE at most
   * {@link NetworkModel#NEAR_EXACT} of the class's variance): the final pruning already makes
   * such a network sparse within the band, and the moves there cost a fifth of Rosenbrock's
   * build for a grown network (BENCHMARKS.md, issue 29). Why one network by default: the
   * build's cost on the hold-out path.
   *
   * @return the networks to search, empty when there is none or the best fits near-exactly
   */
  static List<Candidate> bestOnHeldOut(List<Candidate> scored, int n, double nearExact) {
    List<Candidate> best = scored.stream().filter(c -> c.model() instanceof NetworkModel)
        .sorted(java.util.Comparator.comparingDouble(Candidate::validationMse)).limit(n)
        .toList();
    return best.isEmpty() || best.get(0).validationMse() <= nearExact ? List.of() : best;
  }

  /**
   * After cross-validation, the networks that passed the gate ({@link #passingTheGate}), or on a
   * hold-out those of lowest held-out MSE ({@link #bestOnHeldOut}): each improved by the local
   * structure search on the rows given ({@link LocalStructureSearch#improve}, its moves judged
   * on training MSE with the information criterion for growth), the networks
   * on {@code threads} threads, the i-th of a configuration seeded by the seed, the
   * configuration and i. Each network the search changed is returned as a new candidate
   * ("..., local search"), to be cross-validated like the others, unless an earlier one of
   * the same search is the same network.
   *
   * <p>Why after cross-validation, and gated: the moves pay where the function is nearly
   * captured (on the planted suite a k=1 search often ends a neuron short, and a 2-layer one in
   * a structure that one grown or swapped neuron fits far better), while on noisy rows a grown
   * neuron fits noise (with -local-search, Prestige's RMSE rose 8.7%). How nearly is read from
   * the validated or the training MSE ({@link #passingTheGate}); the candidate still has to
   * win the cross-validation. The gate is not the hold-out's rule: most CORNN tasks fit almost
   * exactly, so every configuration would pass, and the local search of every configuration
   * cost 1.6x MultilayerPerceptron -H 7,7's build time more on Rosenbrock (BENCHMARKS.md), where
   * issue 29's goal allows 4x in all; on noisy large data none passes (BENCHMARKS.md, "The gate
   * on the hold-out path"), where the network of lowest held-out MSE gains most.
   *
   * @param todo the networks to improve, by configuration
   * @param all the rows the moves and the final refit are fitted on
   * @param variance the class's variance on them (the floor's scale)
   * @return the changed networks as unscored candidates, by configuration; empty when there
   *     were none or no move paid
   */
  private static List<Candidate> locallySearched(List<Candidate> todo, Rows all,
      double variance, SelectionSettings<?> settings, LeastSquaresRefiner refiner, int threads,
      SearchListener listener) {
    if (todo.isEmpty()) {
      return List.of();
    }
    LocalStructureSearch local = new LocalStructureSearch(refiner, settings.tolerance(),
        settings.toleranceFloor() * variance, LocalStructureSearch.DEFAULT_MAX_ROWS);
    List<ParallelLocalSearch.Job> jobs = new ArrayList<>();
    java.util.Map<Integer, Integer> ofConfiguration = new java.util.HashMap<>();
    for (Candidate c : todo) {
      NetworkModel net = (NetworkModel) c.model();
      int i = ofConfiguration.merge(c.hiddenLayers(), 1, Integer::sum) - 1;
      jobs.add(new ParallelLocalSearch.Job(net.network(), all.columns(net.inputs()),
          settings.seed() * 1_000_003L + c.hiddenLayers() + 100L * i));
    }
    List<SparseMlp> improved = ParallelLocalSearch.run(local, jobs, threads, listener);
    List<Candidate> out = new ArrayList<>();
    for (int i = 0; i < todo.size(); i++) {
      NetworkModel net = (NetworkModel) todo.get(i).model();
      SparseMlp b = improved.get(i);
      boolean again = out.stream().anyMatch(o -> ((NetworkModel) o.model()).network().equals(b));
      // a network the moves stripped of every active neuron is the mean under another name,
      // left out as the search's own are (run)
      if (!b.equals(net.network().reduced()) && !again && b.nonZeroCount() > 1) {
        out.add(new Candidate(todo.get(i).name() + Candidate.LOCAL_SEARCH, todo.get(i).hiddenLayers(),
            new NetworkModel(b, net.inputs(), new FreeParameters(b).size(), b), 0, 0));
      }
    }
    return out;
  }

  /** The candidates of {@code a}, then those of {@code b}. */
  private static List<Candidate> joined(List<Candidate> a, List<Candidate> b) {
    List<Candidate> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** The rows of {@code a}, then those of {@code b}: candidates' per-row errors, in order. */
  private static double[][] joined(double[][] a, double[][] b) {
    double[][] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static int[] range(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }

  /** The weights of all rows in the order of the folds' rows, or null without weights. */
  private static double[] foldWeights(Rows all, int[][] folds) {
    if (all.w() == null) {
      return null;
    }
    double[] out = new double[all.size()];
    int at = 0;
    for (int[] fold : folds) {
      for (int i : fold) {
        out[at++] = all.w()[i];
      }
    }
    return out;
  }

  /**
   * Training and held-out MSE of models fitted on the training rows; {@code rowErrors[c]}
   * receives candidate c's squared error on every held-out row.
   */
  private static List<Candidate> score(List<Candidate> fitted, Rows train, Rows held,
      double[][] rowErrors) {
    List<Candidate> out = new ArrayList<>();
    for (int c = 0; c < fitted.size(); c++) {
      CandidateModel m = fitted.get(c).model();
      rowErrors[c] = squaredErrors(m, held);
      out.add(new Candidate(fitted.get(c).name(), fitted.get(c).hiddenLayers(), m,
          train.mse(m), held.mse(m)));
    }
    return out;
  }

  private static double[] squaredErrors(CandidateModel m, Rows rows) {
    double[] out = new double[rows.size()];
    for (int i = 0; i < out.length; i++) {
      double d = m.predict(rows.x()[i]) - rows.y()[i];
      out[i] = d * d;
    }
    return out;
  }

  /**
   * Every candidate's structure refitted on each fold's other rows and scored on the fold: the
   * weighted MSE over all the folds' rows. The refits run as one task per candidate and fold,
   * gathered in order. {@code rowErrors[c]} receives candidate c's squared errors on the rows,
   * fold by fold.
   */
  private static List<Candidate> crossValidate(List<Candidate> fitted, Rows all, int[][] folds,
      Refitter refitter, int threads, SearchListener listener, double[][] rowErrors) {
    int n = all.size();
    Rows[] train = new Rows[folds.length];
    Rows[] held = new Rows[folds.length];
    for (int f = 0; f < folds.length; f++) {
      train[f] = all.subset(RowSplit.complement(n, folds[f]));
      held[f] = all.subset(folds[f]);
    }
    int total = fitted.size() * folds.length;
    int[] done = {0};
    List<Callable<double[]>> tasks = new ArrayList<>();
    for (Candidate c : fitted) {
      for (int f = 0; f < folds.length; f++) {
        int fold = f;
        tasks.add(() -> {
          if (Thread.currentThread().isInterrupted()) {
            throw new SearchInterruptedException();
          }
          CandidateModel m = c.model().refit(train[fold], refitter);
          double[] errors = squaredErrors(m, held[fold]);
          synchronized (done) {
            listener.crossValidated(++done[0], total);
          }
          return errors;
        });
      }
    }
    List<double[]> parts = Slots.run(threads, tasks);
    List<Candidate> out = new ArrayList<>();
    for (int c = 0; c < fitted.size(); c++) {
      double e = 0;
      double w = 0;
      rowErrors[c] = new double[n];
      int at = 0;
      for (int f = 0; f < folds.length; f++) {
        double[] p = parts.get(c * folds.length + f);
        for (int r = 0; r < p.length; r++) {
          double wr = held[f].w() == null ? 1 : held[f].w()[r];
          e += wr * p[r];
          w += wr;
          rowErrors[c][at++] = p[r];
        }
      }
      Candidate cand = fitted.get(c);
      double mse = e / w;
      out.add(new Candidate(cand.name(), cand.hiddenLayers(), cand.model(),
          all.mse(cand.model()), Double.isFinite(mse) ? mse : Double.POSITIVE_INFINITY));
    }
    return out;
  }

  /** Per configuration searched, its network candidate of lowest validation MSE. */
  private static List<ConfigurationResult> configurations(List<Candidate> scored, int[] layers,
      double seconds) {
    List<ConfigurationResult> out = new ArrayList<>();
    for (int k : layers) {
      Candidate best = null;
      for (Candidate c : scored) {
        if (c.hiddenLayers() == k && (best == null
            || c.validationMse() < best.validationMse())) {
          best = c;
        }
      }
      if (best != null) {
        out.add(new ConfigurationResult(k, ((NetworkModel) best.model()).network(),
            best.trainMse(), best.validationMse(), seconds / layers.length));
      }
    }
    return out;
  }
}
