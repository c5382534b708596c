package dev.roster.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionFailureTest {
    @Test
    void noServerAtAllIsAConnectionExceptionAfterTheRetries() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort(); // free once closed: nothing listens there
        }
        List<Duration> waits = new ArrayList<>();
        RosterClient unreachable = new RosterClient("http://127.0.0.1:" + port, "client", "secret", RosterClientOptions.newBuilder()
                .setRetryPolicy(RetryPolicy.DEFAULT.withMaxRetries(2).withBaseDelay(Duration.ofMillis(1)))
                .setSleeper(waits::add)
                .build());
        ConnectionException failed = assertThrows(ConnectionException.class, () -> unreachable.organizations().listOrganizations());
        assertEquals(0, failed.getStatus());
        assertEquals("connection_failed", failed.getCode());
        assertEquals(List.of(), waits, "the token request is a POST: a lost connection may have reached the server, so it is not sent again");
    }

    @Test
    void aGetWhoseConnectionDropsIsSentAgain() throws Exception {
        List<String> requests = Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> {
                try {
                    for (int connection = 0; connection < 4; connection++) {
                        try (Socket socket = server.accept()) {
                            String head = readHead(socket.getInputStream());
                            requests.add(head.substring(0, head.indexOf(" HTTP/")));
                            if (head.startsWith("GET") && requests.stream().filter(line -> line.startsWith("GET")).count() <= 2) continue; // dropped, unanswered
                            String body = head.startsWith("POST") ? "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":3600}"
                                    : "{\"roles\":[],\"next_page_token\":\"\",\"prev_page_token\":\"\",\"total_size\":0}";
                            socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                                    .getBytes(StandardCharsets.UTF_8));
                        }
                    }
                } catch (IOException stopped) {
                    // the test is over
                }
            });
            answering.start();
            List<Duration> waits = new ArrayList<>();
            RosterClient client = new RosterClient("http://127.0.0.1:" + server.getLocalPort(), "client", "secret", RosterClientOptions.newBuilder()
                    .setHttpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build())
                    .setSleeper(waits::add)
                    .build());
            assertEquals(0, client.roles().listRoles().getTotalSize());
            answering.join(10_000);
            // java.net.http itself sends a GET again once when its connection closes unanswered;
            // the second drop reaches the SDK, which backs off and sends it a third time.
            assertEquals(List.of("POST /oauth/token", "GET /api/v1/roles", "GET /api/v1/roles", "GET /api/v1/roles"), requests);
            assertEquals(1, waits.size(), "one backoff, by the SDK");
        }
    }

    /** The request line and headers, and the body if any (its length from Content-Length). */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) break;
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) in.readNBytes(Integer.parseInt(line.substring(15).trim()));
        }
        return text;
    }

    @Test
    void theClientRefusesWhatCannotBeARosterUrlOrCredentials() {
        assertThrows(IllegalArgumentException.class, () -> new RosterClient("", "id", "secret"));
        assertThrows(IllegalArgumentException.class, () -> new RosterClient("ftp://roster.example", "id", "secret"));
        assertThrows(IllegalArgumentException.class, () -> new RosterClient("https://roster.example", "id", " "));
        assertThrows(IllegalArgumentException.class, () -> new RosterClient("https://roster.example", "id", "secret").directories().getDirectory("org_1", ""));
    }
}
