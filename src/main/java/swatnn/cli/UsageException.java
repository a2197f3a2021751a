package swatnn.cli;

/** Bad command-line arguments; the launcher prints the message as one line and exits with 2. */
public class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
