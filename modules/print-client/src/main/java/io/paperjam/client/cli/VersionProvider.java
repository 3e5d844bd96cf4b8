package io.paperjam.client.cli;

import io.paperjam.protocol.Protocol;
import picocli.CommandLine.IVersionProvider;

/** The version line: this build's version and the protocol version it speaks. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = PrintClientMain.class.getPackage().getImplementationVersion();
        return new String[] {"print-client " + (version == null ? "development build" : version)
                + ", protocol version " + Protocol.VERSION};
    }
}
