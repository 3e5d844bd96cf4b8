package io.paperjam.client.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options every command accepts, before or after the subcommand name; each command carries
 * this mixin and {@link Globals} merges them, the one nearest the subcommand winning.
 */
public final class GlobalOptions {

    @Option(names = "--host", paramLabel = "HOST", description = "printer host (default: 127.0.0.1)")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "printer's JSON port (default: 6310)")
    Integer port;

    @Option(names = "--token", paramLabel = "TOKEN", description = "admin token (default: the spool folder's "
            + "token file if readable, else $PAPERJAM_TOKEN)")
    String token;

    @Option(names = "--spool", paramLabel = "DIR", description = "the printer's spool folder, whose token file "
            + "to read (default: ./spool)")
    Path spool;

    @Option(names = "--tls", description = "speak TLS to the printer, trusting the system's certificate authorities")
    boolean tls;

    @Option(names = "--tls-trust", paramLabel = "FILE", description = "speak TLS, trusting exactly the PEM "
            + "certificate(s) in FILE, e.g. a self-signed server's <spool>/tls/cert.pem")
    Path tlsTrust;

    @Option(names = "--json", description = "print one JSON object per line, for scripts")
    boolean json;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "connect and reply timeout (default: 30)")
    Double timeout;

    @Option(names = {"-v", "--verbose"}, description = "show details, and stack traces of errors")
    boolean verbose;
}
