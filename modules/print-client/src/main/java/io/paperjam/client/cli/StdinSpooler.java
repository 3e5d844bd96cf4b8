package io.paperjam.client.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Copies standard input, whose length is unknown, to a private temporary file, so the document
 * can be sent with its exact size and SHA-256; the caller deletes the file when done.
 */
final class StdinSpooler {

    private StdinSpooler() {
    }

    static Path spool(InputStream stdin) throws IOException {
        Path temp = Files.createTempFile("print-client-stdin-", ".data");
        try {
            Files.copy(stdin, temp, StandardCopyOption.REPLACE_EXISTING);
            return temp;
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }
}
