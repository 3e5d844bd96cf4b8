package io.paperjam.client.cli;

import io.paperjam.client.ClientSettings;
import io.paperjam.client.ClientTls;
import io.paperjam.protocol.Protocol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The global options as they apply to one run: the subcommand's own values, then its parents',
 * then the defaults; the token from --token, the spool folder's token file, or $PAPERJAM_TOKEN;
 * TLS from --tls-trust (pinned certificates) or --tls (the system's trust store).
 */
record Globals(String host, int port, String token, Path spool, boolean json, Duration timeout, boolean verbose,
               ClientTls tls) {

    static final String DEFAULT_HOST = "127.0.0.1";
    static final String DEFAULT_SPOOL = "spool";
    static final String TOKEN_FILE = "token";
    static final String TOKEN_ENV = "PAPERJAM_TOKEN";

    static Globals of(CommandSpec leaf, CliEnvironment env) {
        List<GlobalOptions> chain = new ArrayList<>();
        for (CommandSpec spec = leaf; spec != null; spec = spec.parent()) {
            if (spec.userObject() instanceof HasGlobalOptions owner && owner.globalOptions() != null) {
                chain.add(owner.globalOptions());
            }
        }
        String host = null;
        Integer port = null;
        String token = null;
        Path spool = null;
        Double timeout = null;
        boolean json = false;
        boolean verbose = false;
        boolean tls = false;
        Path tlsTrust = null;
        for (GlobalOptions o : chain) {
            host = host != null ? host : o.host;
            port = port != null ? port : o.port;
            token = token != null ? token : o.token;
            spool = spool != null ? spool : o.spool;
            timeout = timeout != null ? timeout : o.timeout;
            json |= o.json;
            verbose |= o.verbose;
            tls |= o.tls;
            tlsTrust = tlsTrust != null ? tlsTrust : o.tlsTrust;
        }
        Path spoolDir = env.workingDir().resolve(spool != null ? spool : Path.of(DEFAULT_SPOOL));
        return new Globals(host != null ? host : DEFAULT_HOST, port != null ? port : Protocol.DEFAULT_PORT,
                token != null ? token : defaultToken(spoolDir, env),
                spoolDir, json,
                timeout != null ? Duration.ofMillis(Math.round(timeout * 1000)) : ClientSettings.DEFAULT_READ_TIMEOUT,
                verbose,
                tlsTrust != null ? ClientTls.trusting(env.workingDir().resolve(tlsTrust))
                        : tls ? ClientTls.systemTrust() : null);
    }

    /** The settings a client of this run connects with. */
    ClientSettings clientSettings() {
        return ClientSettings.defaults().withHost(host).withPort(port).withTimeout(timeout).withToken(token)
                .withTls(tls);
    }

    private static String defaultToken(Path spoolDir, CliEnvironment env) {
        Path file = spoolDir.resolve(TOKEN_FILE);
        if (Files.isReadable(file)) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!text.isEmpty()) {
                    return text;
                }
            } catch (IOException e) {
                // unreadable after all: fall back to the environment
            }
        }
        String fromEnv = env.env().get(TOKEN_ENV);
        return fromEnv == null || fromEnv.isBlank() ? null : fromEnv.trim();
    }
}
