package io.paperjam.client.bench;

import io.paperjam.client.ClientSettings;
import io.paperjam.client.PrintClient;
import io.paperjam.client.PrinterException;
import io.paperjam.client.PrinterTimeoutException;
import io.paperjam.client.ProgressListener;
import io.paperjam.client.SubmitOptions;
import io.paperjam.protocol.Request;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;

/** The library sender: one {@link PrintClient} per connection, submitting as an application would. */
final class LibrarySender implements JobSender {

    private final PrintClient client;
    private final BenchJob job;
    private final SubmitOptions options;

    LibrarySender(BenchSettings settings, BenchJob job) throws IOException {
        this.client = PrintClient.connect(ClientSettings.defaults().withHost(settings.host())
                .withPort(settings.port()).withTimeout(settings.timeout()).withUser(BenchJob.USER));
        this.job = job;
        Request.Submit r = job.request();
        this.options = SubmitOptions.defaults().withName(r.name()).withFormat(r.format()).withSha256(r.sha256());
    }

    @Override
    public String submit() throws IOException {
        try {
            client.submit(new ByteArrayInputStream(job.document()), job.document().length, options,
                    ProgressListener.NONE);
            return null;
        } catch (PrinterException e) {
            return e.code().wire();
        } catch (PrinterTimeoutException e) {
            throw (SocketTimeoutException) new SocketTimeoutException(e.getMessage()).initCause(e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
