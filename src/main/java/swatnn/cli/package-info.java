/**
 * The {@code bin/swatnn} command line: one {@link swatnn.cli.Subcommand} per command, a small
 * option parser, and a dispatcher that turns bad arguments into one-line messages.
 */
package swatnn.cli;
