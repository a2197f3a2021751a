package swatnn.weka;

/** Plain-text layout shared by the option help and the model text. */
final class TextLines {
  private TextLines() {}

  /**
   * Breaks text at spaces into lines: at most {@code firstWidth} characters on the first line,
   * at most {@code restWidth} after {@code restPrefix} on each further one; a word longer than a
   * line stands alone. Spaces are kept as given within a line.
   *
   * @param text one paragraph, without newlines
   * @param firstWidth the first line's width in characters (>= 1)
   * @param restWidth each further line's width after its prefix (>= 1)
   * @param restPrefix what each further line starts with, e.g. a tab or an indent
   * @return the lines joined by newlines, no newline at the end
   */
  static String wrap(String text, int firstWidth, int restWidth, String restPrefix) {
    StringBuilder sb = new StringBuilder();
    int width = firstWidth;
    int column = 0;
    for (String word : text.split(" ")) {
      if (column > 0 && column + 1 + word.length() > width) {
        sb.append('\n').append(restPrefix);
        width = restWidth;
        column = 0;
      } else if (column > 0) {
        sb.append(' ');
        column++;
      }
      sb.append(word);
      column += word.length();
    }
    return sb.toString();
  }
}
