package io.paperjam.client.bench;

import io.paperjam.client.ClientSettings;
import io.paperjam.client.PrintClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark helper (bench/run.sh): opens N connections to a printer and holds them silent, then
 * asks for the printer's status on one more, and reports how many are still open.
 * Usage: {@code java -cp print-client.jar io.paperjam.client.bench.IdleConnections PORT N HOLD_SECONDS}.
 * It prints "opened N" once all are open (the moment to measure the server), then after the hold
 * "status STATE in MS ms; K of N still open".
 */
public final class IdleConnections {

    private IdleConnections() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: IdleConnections PORT N HOLD_SECONDS");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        int n = Integer.parseInt(args[1]);
        long holdMillis = Math.round(Double.parseDouble(args[2]) * 1000);
        List<SocketChannel> open = new ArrayList<>(n);
        try {
            for (int i = 0; i < n; i++) {
                open.add(SocketChannel.open(new InetSocketAddress("127.0.0.1", port)));
            }
            System.out.println("opened " + open.size());
            System.out.flush();
            Thread.sleep(holdMillis);
            long began = System.nanoTime();
            String state;
            try (PrintClient client = PrintClient.connect(ClientSettings.defaults().withPort(port))) {
                state = client.status().state().toString();
            }
            double ms = (System.nanoTime() - began) / 1e6;
            System.out.printf("status %s in %.1f ms; %d of %d still open%n", state, ms, stillOpen(open), n);
        } finally {
            for (SocketChannel c : open) {
                c.close();
            }
        }
    }

    /** A connection the server closed reads end-of-stream at once; an open one has nothing to read. */
    private static int stillOpen(List<SocketChannel> channels) throws IOException {
        int alive = 0;
        java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
        for (SocketChannel c : channels) {
            c.configureBlocking(false);
            one.clear();
            if (c.read(one) == 0) {
                alive++;
            }
        }
        return alive;
    }
}
