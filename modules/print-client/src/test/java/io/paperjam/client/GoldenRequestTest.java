package io.paperjam.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paperjam.protocol.GoldenVectors;
import io.paperjam.protocol.JobStatus;
import io.paperjam.protocol.PrinterReason;
import io.paperjam.protocol.Reply;
import io.paperjam.protocol.SupplyKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bytes the library sends for each request equal the protocol's golden request vectors. */
class GoldenRequestTest {

    private static final String SHA = "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9";

    /** Each golden request name and the library call that must produce it. */
    private interface Call {
        void run(PrintClient client) throws Exception;
    }

    @Test
    void everyRequestMatchesItsGoldenLine() throws Exception {
        Map<String, Call> calls = new LinkedHashMap<>();
        calls.put("submit", c -> c.submit(new ByteArrayInputStream("hello world".getBytes(StandardCharsets.US_ASCII)), 11,
                SubmitOptions.defaults().withName("report.pdf").withFormat("application/pdf").withCopies(2)
                        .withPages(3).withUser("ada").withSha256(SHA), ProgressListener.NONE));
        calls.put("submit-minimal", c -> c.submit(new ByteArrayInputStream("hello\n".getBytes(StandardCharsets.US_ASCII)),
                6, SubmitOptions.defaults().withName("hello.txt"), ProgressListener.NONE));
        calls.put("status", PrintClient::status);
        calls.put("jobs", c -> c.jobs(List.of(JobStatus.PENDING, JobStatus.PROCESSING_STOPPED), 50));
        calls.put("job", c -> c.job(42));
        calls.put("fault-set", c -> c.setFaults(List.of(PrinterReason.PAPER_OUT)));
        calls.put("fault-clear-all", PrintClient::clearAllFaults);
        calls.put("fault-list", PrintClient::faults);
        calls.put("supplies-refill", c -> c.refill(SupplyKind.PAPER));
        calls.put("supplies-set", c -> c.setSupplies(10, Map.of("black", 5)));
        calls.put("pause", PrintClient::pause);
        calls.put("resume", PrintClient::resume);
        try (FakePrinter fake = new FakePrinter(line -> FakePrinter.Answer.of(Reply.success()))) {
            try (PrintClient client = PrintClient.connect(fake.settings())) {
                for (Call call : calls.values()) {
                    call.run(client);
                }
            }
            try (PrintClient ada = PrintClient.connect(fake.settings().withUser("ada"))) {
                ada.cancel(42);
            }
            try (PrintClient client = PrintClient.connect(fake.settings()); Watch watch = client.watch()) {
                watch.next(Duration.ofMillis(200));
            }
            List<String> expected = new java.util.ArrayList<>(calls.keySet());
            expected.add("cancel");
            expected.add("watch");
            assertEquals(expected.size(), fake.lines().size(), "one line per request: " + fake.lines());
            for (int i = 0; i < expected.size(); i++) {
                String golden = new String(GoldenVectors.request(expected.get(i)), StandardCharsets.UTF_8);
                assertEquals(golden.stripTrailing(), fake.lines().get(i), expected.get(i));
            }
            assertEquals("hello world", new String(fake.bodies().get(0), StandardCharsets.US_ASCII));
        }
    }
}
