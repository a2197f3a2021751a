package swatnn.autoencoder;

/** A model file that cannot be used: missing, truncated, corrupt, of another version or shape. */
public class ModelFileException extends Exception {
  private static final long serialVersionUID = 1L;

  public ModelFileException(String message) {
    super(message);
  }

  public ModelFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
