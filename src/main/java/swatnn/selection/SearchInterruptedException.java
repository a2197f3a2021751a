package swatnn.selection;

/** Thrown by a search when its thread is interrupted (Weka's Stop button interrupts it). */
public final class SearchInterruptedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SearchInterruptedException() {
    super("search interrupted");
  }
}
